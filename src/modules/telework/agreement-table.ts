import { brusselsDay } from '../../platform/db/time.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import type { Agreement } from './contract.js';

/** The agreements list as a file (CSV/XLSX): words, not codes, in the caller's language. */
export function agreementTable(items: readonly Agreement[], language: Language): TableExport<Agreement> {
  const t = (key: string) => translate(language, `telework.words.${key}`);
  const weekday = (d: Agreement['weekdays'][number]) =>
    `${translate(language, `telework.letter.weekday.${d.day}`)}${d.part === 'day' ? '' : ` (${translate(language, `telework.letter.part.${d.part}`)})`}`;
  return {
    name: `telework-agreements-${brusselsDay()}`,
    sheet: t('sheet'),
    columns: [
      { header: t('column.id'), value: (a) => a.id, width: 14 },
      { header: t('column.person'), value: (a) => a.personName, width: 28 },
      { header: t('column.regime'), value: (a) => t(`regime.${a.regime}`), width: 16 },
      { header: t('column.status'), value: (a) => t(`status.${a.status}`), width: 22 },
      { header: t('column.days_per_week'), kind: 'number', value: (a) => a.daysPerWeek },
      { header: t('column.weekdays'), value: (a) => a.weekdays.map(weekday).join(', '), width: 30 },
      { header: t('column.monthly_days'), kind: 'number', value: (a) => a.monthlyDays },
      { header: t('column.start'), kind: 'day', value: (a) => a.startDate },
      { header: t('column.end'), kind: 'day', value: (a) => a.endDate },
      { header: t('column.manager'), value: (a) => a.managerName, width: 28 },
      { header: t('column.requested_at'), kind: 'instant', value: (a) => a.requestedAt },
    ],
    rows: items,
  };
}
