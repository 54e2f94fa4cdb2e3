import type { TFunction } from 'i18next';
import { formatDay } from '../../app/format.js';

/** "from 19 Oct 2020 to 8 Jun 2021", or "from 19 Oct 2020" while open: a rate's or a measure's period. */
export const periodInWords = (
  t: TFunction,
  keys: string,
  startDate: string,
  endDate: string | null,
): string =>
  endDate
    ? t(`${keys}.from_to`, { from: formatDay(startDate, 'medium'), to: formatDay(endDate, 'medium') })
    : t(`${keys}.from_on`, { from: formatDay(startDate, 'medium') });
