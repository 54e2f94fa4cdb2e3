import type { FieldError } from '../../platform/errors.js';

/** A validity period of calendar days; `to` null means open-ended. Both ends are included. */
export type Period = { from: string; to: string | null };

export const isValidOn = (period: Period, day: string): boolean =>
  period.from <= day && (period.to === null || day <= period.to);

export function checkPeriod(period: Period): FieldError[] {
  if (period.to !== null && period.to < period.from)
    return [{ field: 'validTo', code: 'knowledge.valid_to_before_from' }];
  return [];
}

export const periodsOverlap = (a: Period, b: Period): boolean =>
  (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);

/**
 * In a `supersedes` chain each entry replaces the previous one for a later period, so no two
 * periods of one chain may overlap: on any day exactly one answer applies. Returns the refs that clash.
 */
export function findChainOverlaps(chain: { ref: string; period: Period }[]): [string, string][] {
  const sorted = [...chain].sort((a, b) => a.period.from.localeCompare(b.period.from));
  const clashes: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (periodsOverlap(sorted[i]!.period, sorted[j]!.period))
        clashes.push([sorted[i]!.ref, sorted[j]!.ref]);
    }
  }
  return clashes;
}

/** Orders a chain of entries by period, oldest first: what applied before and after. */
export const orderChain = <T extends { period: Period }>(chain: T[]): T[] =>
  [...chain].sort((a, b) => a.period.from.localeCompare(b.period.from));
