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
  ranked: Array<Ranked<T> & { isValidOnDate: boolean }>;
  validMatches: number;
  fallback: boolean;
}

/**
 * Orders matches for a day: those valid that day first, by relevance; then the others, by relevance
 * weighted by the nearness of their period. `fallback` says that nothing valid matched, so every
 * result comes from another period. With `any`, periods do not matter.
 */
export function rankForDay<T extends Period>(
  matches: readonly Ranked<T>[],
  day: IsoDate | 'any',
): DatedRanking<T> {
  if (day === 'any') {
    const ranked = [...matches].sort((a, b) => b.score - a.score).map((m) => ({ ...m, isValidOnDate: true }));
    return { ranked, validMatches: ranked.length, fallback: false };
  }
  const valid = matches.filter((m) => isValidOn(m.item, day)).sort((a, b) => b.score - a.score);
  const others = matches
    .filter((m) => !isValidOn(m.item, day))
    .map((m) => ({ ...m, score: m.score * proximity(m.item, day) }))
    .sort((a, b) => b.score - a.score);
  return {
    ranked: [
      ...valid.map((m) => ({ ...m, isValidOnDate: true })),
      ...others.map((m) => ({ ...m, isValidOnDate: false })),
    ],
    validMatches: valid.length,
    fallback: valid.length === 0 && others.length > 0,
  };
}
