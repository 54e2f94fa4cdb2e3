import { brusselsDay } from '../../../platform/db/time.js';
import { invalid } from '../../../platform/errors.js';
import type { CallGrouping, CallStats } from '../contract.js';
import type { Db } from '../repository/db.js';
import { type CallCounts, daysBetween, defaultPeriod, figuresOf } from './call-figures.js';
import { countCalls, latestCallDay } from './call-repository.js';

/** The longest period the figures cover at once: ten years of days. */
export const MAX_CALL_STATS_DAYS = 3660;

export type CallStatsInput = {
  from?: string | undefined;
  to?: string | undefined;
  by?: CallGrouping | undefined;
  line?: number | undefined;
};

const NO_CALLS: Omit<CallCounts, 'key'> = {
  received: 0,
  answered: 0,
  abandoned: 0,
  waitSum: 0,
  answeredWithin: 0,
  p90: null,
};

const keyOrder: Record<CallGrouping, (a: string, b: string) => number> = {
  day: (a, b) => a.localeCompare(b),
  hour: (a, b) => Number(a) - Number(b),
  line: (a, b) => Number(a) - Number(b),
  language: (a, b) => a.localeCompare(b),
};

/**
 * The call center's figures over a period of Brussels days: received, answered, abandoned, the
 * wait (mean, 90th percentile) and the service level, in all and per day, hour, line or language.
 * Without a period, the year of the latest call. Every day of the period is a row, the quiet ones too.
 */
export async function callStats(
  db: Db,
  input: CallStatsInput,
  serviceLevelSeconds: number,
): Promise<CallStats> {
  const by = input.by ?? 'day';
  const fallback = input.from && input.to ? undefined : defaultPeriod(await latestCallDay(db), brusselsDay());
  const from = input.from ?? (input.to ? `${input.to.slice(0, 4)}-01-01` : fallback!.from);
  const to = input.to ?? (input.from ? `${input.from.slice(0, 4)}-12-31` : fallback!.to);
  if (to < from) throw invalid([{ field: 'to', code: 'inquiries.figures_period_order' }]);
  const days = daysBetween(from, to);
  if (days.length > MAX_CALL_STATS_DAYS)
    throw invalid([
      { field: 'to', code: 'inquiries.figures_period_too_long', params: { max: MAX_CALL_STATS_DAYS } },
    ]);

  const filter = { from, to, line: input.line };
  const [groups, [total]] = await Promise.all([
    countCalls(db, filter, by, serviceLevelSeconds),
    countCalls(db, filter, null, serviceLevelSeconds),
  ]);
  const label = (key: string) => (by === 'hour' ? key.padStart(2, '0') : key);
  const rows = groups.map((group) => ({ key: label(group.key), ...figuresOf(group) }));
  if (by === 'day') {
    const byDay = new Map(rows.map((row) => [row.key, row]));
    const everyDay = days.map((day) => byDay.get(day) ?? { key: day, ...figuresOf(NO_CALLS) });
    return {
      from,
      to,
      by,
      service_level_seconds: serviceLevelSeconds,
      totals: figuresOf(total ?? NO_CALLS),
      rows: everyDay,
    };
  }
  rows.sort((a, b) => keyOrder[by](a.key, b.key));
  return {
    from,
    to,
    by,
    service_level_seconds: serviceLevelSeconds,
    totals: figuresOf(total ?? NO_CALLS),
    rows,
  };
}
