import { STRUCTURAL_DAYS_PER_WEEK, type StatisticsRow } from '../../../../src/modules/telework/contract.js';

/** One line of the table laid out like the answers to parliament: a figure, then a value per year. */
export type AnswerLine = {
  key: string;
  /** i18n key under telework.statistics, and its parameters. */
  label: string;
  params?: Record<string, string>;
  isPercent: boolean;
  values: number[];
};

/**
 * The report's rows turned on their side, as the institutions answered the Senate: the figures as
 * lines, the years as columns; structural teleworkers by days a week, each possible number of days
 * shown (a zero says "none", which the JSON leaves out).
 */
export function answerLines(rows: readonly StatisticsRow[]): AnswerLine[] {
  const line = (key: string, isPercent: boolean, value: (row: StatisticsRow) => number): AnswerLine => ({
    key,
    label: key,
    isPercent,
    values: rows.map(value),
  });
  const days = new Set<string>(STRUCTURAL_DAYS_PER_WEEK.map(String));
  for (const row of rows) for (const key of Object.keys(row.structural_by_days_per_week)) days.add(key);
  return [
    line('headcount', false, (r) => r.headcount),
    line('teleworkers', false, (r) => r.teleworkers),
    line('teleworkers_pct', true, (r) => r.teleworkers_pct),
    line('structural', false, (r) => r.structural),
    line('structural_pct', true, (r) => r.structural_pct),
    ...[...days]
      .sort((a, b) => Number(a) - Number(b))
      .map((d) => ({
        ...line(`structural_days_${d}`, false, (r) => r.structural_by_days_per_week[d] ?? 0),
        label: 'structural_days',
        params: { days: d },
      })),
    line('occasional', false, (r) => r.occasional),
    line('occasional_pct', true, (r) => r.occasional_pct),
  ];
}

/** The chart's points: the share of staff teleworking, structural and occasional, per year. */
export const chartPoints = (rows: readonly StatisticsRow[]) =>
  rows.map((row) => ({
    year: String(row.year),
    teleworkers: row.teleworkers_pct,
    structural: row.structural_pct,
    occasional: row.occasional_pct,
  }));
