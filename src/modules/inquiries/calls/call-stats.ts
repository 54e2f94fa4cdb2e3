import { brusselsDay } from '../../../platform/db/time.js';
import { invalid } from '../../../platform/errors.js';
import type { CallGrouping, CallStats } from '../contract.js';
import type { Db } from '../repository/db.js';
import {
  type CallCounts,
  daysBetween,
  defaultPeriod,
  figuresOf,
  percentileOfCounts,
} from './call-figures.js';
import { countCalls, latestCallDay, waitCounts } from './call-repository.js';

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
  const [groups, waits] = await Promise.all([
    countCalls(db, filter, by, serviceLevelSeconds),
    waitCounts(db, filter, by),
  ]);
  const { p90OfGroup, p90OfAll } = percentiles(waits);
  const total = { ...NO_CALLS };
  for (const group of groups) {
    total.received += group.received;
    total.answered += group.answered;
    total.abandoned += group.abandoned;
    total.waitSum += group.waitSum;
    total.answeredWithin += group.answeredWithin;
  }
  total.p90 = p90OfAll;
  const label = (key: string) => (by === 'hour' ? key.padStart(2, '0') : key);
  const rows = groups
    .filter((group) => group.received > 0)
    .map((group) => ({
      key: label(group.key),
      ...figuresOf({ ...group, p90: p90OfGroup.get(group.key) ?? null }),
    }));
  const head = { from, to, by, service_level_seconds: serviceLevelSeconds, totals: figuresOf(total) };
  if (by === 'day') {
    const byDay = new Map(rows.map((row) => [row.key, row]));
    return { ...head, rows: days.map((day) => byDay.get(day) ?? { key: day, ...figuresOf(NO_CALLS) }) };
  }
  rows.sort((a, b) => keyOrder[by](a.key, b.key));
  return { ...head, rows };
}

/** The 90th percentile wait of each group and of them all, from the counts of each wait. */
function percentiles(waits: { key: string; wait: number; count: number }[]) {
  const byGroup = new Map<string, [number, number][]>();
  const all = new Map<number, number>();
  for (const { key, wait, count } of waits) {
    const list = byGroup.get(key) ?? [];
    if (list.length === 0) byGroup.set(key, list);
    list.push([wait, count]);
    all.set(wait, (all.get(wait) ?? 0) + count);
  }
  const ascending = (a: [number, number], b: [number, number]) => a[0] - b[0];
  const p90OfGroup = new Map<string, number | null>();
  for (const [key, list] of byGroup) p90OfGroup.set(key, percentileOfCounts(list.sort(ascending), 0.9));
  return { p90OfGroup, p90OfAll: percentileOfCounts([...all].sort(ascending), 0.9) };
}
