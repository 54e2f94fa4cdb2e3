import type { TFunction } from 'i18next';
import { type AgreementDay, WEEKDAYS, type Weekday } from '../../../../src/modules/telework/contract.js';
import { localeOf } from '../../app/dates.js';
import { formatDay, formatPeriod } from '../../app/format.js';
import { i18n } from '../../app/i18n.js';

// An agreement in words, the same words as the signed letter (telework.letter.*, telework.words.*).

export const K = 'web.telework.agreements';

/** A number of days as the reader writes it: 1,5 in French and Dutch, 1.5 in English. */
export const formatDays = (days: number): string =>
  new Intl.NumberFormat(localeOf(i18n.language), { maximumFractionDigits: 1 }).format(days);

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "Tuesday", "Mardi": a weekday as a label starts with a capital in every language. */
export const weekdayLabel = (t: TFunction, day: Weekday): string =>
  capitalised(t(`telework.letter.weekday.${day}`));

/** "Monday, Thursday (morning)" ("lundi, jeudi (matin)" in French): in the week's order, as the letter writes them. */
export const weekdaysText = (t: TFunction, days: readonly AgreementDay[]): string =>
  [...days]
    .sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day))
    .map((d) =>
      d.part === 'day'
        ? t(`telework.letter.weekday.${d.day}`)
        : `${t(`telework.letter.weekday.${d.day}`)} (${t(`telework.letter.part.${d.part}`)})`,
    )
    .join(', ');

/** "1 day a week: Tuesday · at most 4 days a month". */
export function daysText(
  t: TFunction,
  a: { daysPerWeek: number | null; weekdays: readonly AgreementDay[]; monthlyDays: number | null },
): string {
  const parts: string[] = [];
  if (a.daysPerWeek !== null)
    parts.push(
      t(`${K}.days_week`, {
        count: a.daysPerWeek,
        days: formatDays(a.daysPerWeek),
        weekdays: weekdaysText(t, a.weekdays) || '—',
      }),
    );
  if (a.monthlyDays !== null)
    parts.push(t(`${K}.days_month`, { count: a.monthlyDays, days: formatDays(a.monthlyDays) }));
  return parts.join(' · ');
}

/** "1 January – 31 December 2027", or "From 1 January 2027, indefinite". */
export const periodText = (t: TFunction, start: string, end: string | null): string =>
  end ? formatPeriod(start, end) : t(`${K}.from_indefinite`, { start: formatDay(start) });
