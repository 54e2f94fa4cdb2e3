import type { IsoDate } from './types.js';

export interface Period {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** Whether a period covers a day; both ends inclusive, an open end runs forever. */
export function isValidOn(period: Period, day: IsoDate): boolean {
  return period.validFrom <= day && (period.validTo === null || day <= period.validTo);
}

const DAY_MS = 86_400_000;

/** Days between a day and the nearest day of a period (0 inside it). */
export function daysFromPeriod(period: Period, day: IsoDate): number {
  const at = Date.parse(day);
  if (day < period.validFrom) return Math.round((Date.parse(period.validFrom) - at) / DAY_MS);
  if (period.validTo !== null && day > period.validTo)
    return Math.round((at - Date.parse(period.validTo)) / DAY_MS);
  return 0;
}

/**
 * How much an entry of another period still counts, by how far its period lies from the day asked
 * about: a year away counts half. The closest version of a rule is the one an agent wants to read
 * when no version covers the day.
 */
export function proximity(period: Period, day: IsoDate): number {
  return 1 / (1 + daysFromPeriod(period, day) / 365);
}

export interface Ranked<T extends Period> {
  item: T;
  score: number;
}

export interface DatedRanking<T extends Period> {
  /** The first `limit` matches in order, each saying whether it is valid on the day. */
  ranked: Array<Ranked<T> & { isValidOnDate: boolean }>;
  validMatches: number;
  fallback: boolean;
}

// Keeps `top` the `limit` best seen so far, best first: one comparison for most candidates, so that
// thousands of matches cost no sort (and no object: one is made only for a match kept).
function keepBest<T extends Period>(top: Ranked<T>[], item: T, score: number, limit: number): void {
  if (limit <= 0) return;
  if (top.length === limit && score <= top[limit - 1]!.score) return;
  let at = Math.min(top.length, limit - 1);
  while (at > 0 && top[at - 1]!.score < score) at--;
  top.splice(at, 0, { item, score });
  if (top.length > limit) top.pop();
}

/**
 * Orders matches for a day and keeps the first `limit`: those valid that day first, by relevance;
 * then the others, by relevance weighted by the nearness of their period (see proximity).
 * `fallback` says that nothing valid matched, so every result comes from another period.
 * With `any`, periods do not matter. Matches are read by position, `count` of them (`itemAt` gives
 * undefined for one to skip), so that thousands of them need no array of their own.
 */
export function rankForDay<T extends Period>(
  count: number,
  itemAt: (i: number) => T | undefined,
  scoreAt: (i: number) => number,
  day: IsoDate | 'any',
  limit: number,
): DatedRanking<T> {
  const valid: Ranked<T>[] = [];
  const others: Ranked<T>[] = [];
  let validMatches = 0;
  let matches = 0;
  for (let i = 0; i < count; i++) {
    const item = itemAt(i);
    if (item === undefined) continue;
    matches++;
    const score = scoreAt(i);
    if (day === 'any' || isValidOn(item, day)) {
      validMatches++;
      keepBest(valid, item, score, limit);
    } else if (others.length < limit || (limit > 0 && score > others[limit - 1]!.score)) {
      // Nearness only lowers a score: an entry already below the kept ones is skipped uncomputed.
      keepBest(others, item, score * proximity(item, day), limit);
    }
  }
  const ranked = [
    ...valid.map((m) => ({ ...m, isValidOnDate: true })),
    ...others.slice(0, limit - valid.length).map((m) => ({ ...m, isValidOnDate: false })),
  ];
  return { ranked, validMatches, fallback: validMatches === 0 && matches > 0 };
}
