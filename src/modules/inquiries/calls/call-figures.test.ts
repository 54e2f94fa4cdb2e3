import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  defaultPeriod,
  figuresOf,
  nearestRank,
  percentileOfCounts,
  percentileOfSorted,
} from './call-figures.js';

describe('call figures', () => {
  it('takes the 90th percentile by nearest rank: the ⌈0.9·n⌉-th wait', () => {
    expect(percentileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentileOfSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(percentileOfSorted([42], 0.9)).toBe(42);
    expect(percentileOfSorted([], 0.9)).toBeNull();
  });

  it('reads the same percentile from the counts of each wait as from the waits themselves', () => {
    const waits = [3, 3, 3, 7, 7, 12, 12, 12, 12, 40, 41, 41];
    const counts = [...new Set(waits)].map((w) => [w, waits.filter((x) => x === w).length] as const);
    for (const p of [0.1, 0.5, 0.9, 1])
      expect(percentileOfCounts(counts, p)).toBe(percentileOfSorted(waits, p));
    expect(percentileOfCounts([], 0.9)).toBeNull();
  });

  it('takes ⌈0.9·n⌉ as the rank, (9n + 9) div 10 in integers', () => {
    for (let n = 1; n <= 1000; n++) expect(nearestRank(n, 0.9)).toBe(Math.floor((9 * n + 9) / 10));
  });

  it('counts an abandoned call against the service level, and gives no level with no call', () => {
    const figures = figuresOf({
      received: 4,
      answered: 3,
      abandoned: 1,
      waitSum: 70,
      answeredWithin: 2,
      p90: 40,
    });
    expect(figures).toEqual({
      received: 4,
      answered: 3,
      abandoned: 1,
      avg_wait_s: 23.3,
      p90_wait_s: 40,
      service_level: 0.5,
    });
    const none = figuresOf({
      received: 0,
      answered: 0,
      abandoned: 0,
      waitSum: 0,
      answeredWithin: 0,
      p90: null,
    });
    expect(none.avg_wait_s).toBeNull();
    expect(none.service_level).toBeNull();
  });

  it('lists every day of a period, across a month and a leap day', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toEqual(['2020-02-28', '2020-02-29', '2020-03-01']);
    expect(daysBetween('2020-12-31', '2020-12-31')).toEqual(['2020-12-31']);
  });

  it('shows the year of the latest call by default, or this year with none', () => {
    expect(defaultPeriod('2020-12-30', '2026-12-08')).toEqual({ from: '2020-01-01', to: '2020-12-31' });
    expect(defaultPeriod(undefined, '2026-12-08')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
