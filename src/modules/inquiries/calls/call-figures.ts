// The call center's figures from counts, without a database: the mean and 90th percentile of the
// wait before an answer, and the service level (the share of the calls received that were answered
// within N seconds: an abandoned call counts against it, as management read it in 2020).

/** What the database counts for one group of calls (a day, an hour, a line, a language). */
export type CallCounts = {
  key: string;
  received: number;
  answered: number;
  abandoned: number;
  /** Sum of the answered calls' waits, in seconds. */
  waitSum: number;
  /** Answered calls whose wait was at most the service level's seconds. */
  answeredWithin: number;
  /** The 90th percentile of the answered calls' waits (nearest rank), or null with none answered. */
  p90: number | null;
};

export type CallFigures = {
  received: number;
  answered: number;
  abandoned: number;
  avg_wait_s: number | null;
  p90_wait_s: number | null;
  service_level: number | null;
};

/**
 * The 1-based rank of the p-th percentile among n sorted values, by the nearest-rank method:
 * ⌈p·n⌉ (at least 1). For p = 0.9 it is (9n + 9) div 10, which the SQL computes in integers.
 */
export function nearestRank(n: number, p: number): number {
  return Math.max(1, Math.ceil(Math.round(p * n * 1e9) / 1e9));
}

/** The p-th percentile (nearest rank) of values sorted ascending, or null for none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRank(sorted.length, p) - 1]!;
}

/**
 * The p-th percentile (nearest rank) of values given as counts, `[value, how many]` sorted by
 * value: the value at which the running count reaches ⌈p·n⌉. Null for none.
 */
export function percentileOfCounts(counts: readonly (readonly [number, number])[], p: number): number | null {
  const n = counts.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const rank = nearestRank(n, p);
  let seen = 0;
  for (const [value, count] of counts) {
    seen += count;
    if (seen >= rank) return value;
  }
  return counts[counts.length - 1]![0];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The figures of one group: mean wait to a tenth of a second, service level to 1/10,000. */
export function figuresOf(counts: Omit<CallCounts, 'key'>): CallFigures {
  return {
    received: counts.received,
    answered: counts.answered,
    abandoned: counts.abandoned,
    avg_wait_s: counts.answered > 0 ? round(counts.waitSum / counts.answered, 1) : null,
    p90_wait_s: counts.p90,
    service_level: counts.received > 0 ? round(counts.answeredWithin / counts.received, 4) : null,
  };
}

/** Every day from `from` to `to` included, `YYYY-MM-DD` (a day without calls is still a row). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/**
 * The period shown when none is asked: the calendar year of the latest call received (the
 * telephony's history is often a past crisis), or this year when there is no call at all.
 */
export function defaultPeriod(latestDay: string | undefined, today: string): { from: string; to: string } {
  const year = (latestDay ?? today).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
