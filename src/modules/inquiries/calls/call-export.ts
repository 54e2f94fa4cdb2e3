import type { ExportColumn, TableExport } from '../../../platform/exports/table.js';
import { type Language, translate } from '../../../platform/i18n/i18n.js';
import type { CallStats } from '../contract.js';

type StatsRow = CallStats['rows'][number];

/** The call figures as a table to download: a row per day (a date cell), hour, line or language. */
export function callStatsExport(stats: CallStats, language: Language): TableExport<StatsRow> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(language, `inquiries.calls.export.${key}`, params);
  const number = (header: string, value: (row: StatsRow) => number | null): ExportColumn<StatsRow> => ({
    header,
    kind: 'number',
    width: 14,
    value,
  });
  return {
    name: `relais-calls-${stats.by}-${stats.from}-${stats.to}`,
    sheet: t('sheet'),
    columns: [
      {
        header: t(`by_${stats.by}`),
        kind: stats.by === 'day' ? 'day' : 'text',
        width: 12,
        value: (row) => row.key,
      },
      number(t('received'), (row) => row.received),
      number(t('answered'), (row) => row.answered),
      number(t('abandoned'), (row) => row.abandoned),
      number(t('avg_wait_s'), (row) => row.avg_wait_s),
      number(t('p90_wait_s'), (row) => row.p90_wait_s),
      number(t('service_level', { seconds: stats.service_level_seconds }), (row) => row.service_level),
    ],
    rows: stats.rows,
  };
}
