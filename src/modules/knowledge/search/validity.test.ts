import { describe, expect, it } from 'vitest';
import type { Period } from './validity.js';

const rankForDay = (items: Period[], scores: number[], day: string, limit: number) =>
  rankPositions(
    items.length,
    (i) => items[i],
    (i) => scores[i]!,
    day,
    limit,
  );

import { daysFromPeriod, isValidOn, rankForDay as rankPositions } from './validity.js';

const spring: Period = { validFrom: '2020-03-01', validTo: '2020-06-30' };
const autumn: Period = { validFrom: '2020-10-01', validTo: '2021-06-30' };
const open: Period = { validFrom: '2021-07-01', validTo: null };

describe('isValidOn', () => {
  it('includes both ends of a period and runs an open one forever', () => {
    expect(isValidOn(spring, '2020-03-01')).toBe(true);
    expect(isValidOn(spring, '2020-06-30')).toBe(true);
    expect(isValidOn(spring, '2020-07-01')).toBe(false);
    expect(isValidOn(open, '2031-01-01')).toBe(true);
  });
});

describe('daysFromPeriod', () => {
  it('counts the days to the nearest end, zero inside', () => {
    expect(daysFromPeriod(spring, '2020-07-10')).toBe(10);
    expect(daysFromPeriod(autumn, '2020-09-21')).toBe(10);
    expect(daysFromPeriod(autumn, '2020-12-01')).toBe(0);
  });
});

describe('rankForDay', () => {
  const items = [autumn, spring, open];
  const scores = [9, 5, 1];
  it('puts the entries valid that day first, then the others', () => {
    const ranking = rankForDay(items, scores, '2020-04-01', 10);
    expect(ranking.ranked.map((r) => [r.item, r.isValidOnDate])).toEqual([
      [spring, true],
      [autumn, false],
      [open, false],
    ]);
    expect(ranking).toMatchObject({ validMatches: 1, fallback: false });
  });
  it('falls back to other periods, nearest first, when nothing valid matched', () => {
    const ranking = rankForDay([spring, autumn], [5, 5], '2020-09-15', 10);
    expect(ranking.fallback).toBe(true);
    expect(ranking.ranked.map((r) => r.item)).toEqual([autumn, spring]);
  });
  it('orders by relevance alone with "any", and keeps the first `limit`', () => {
    const ranking = rankForDay(items, scores, 'any', 2);
    expect(ranking.ranked.map((r) => r.item)).toEqual([autumn, spring]);
    expect(ranking).toMatchObject({ validMatches: 3, fallback: false });
  });
  it('counts the matches but keeps none for a limit of 0', () => {
    expect(rankForDay(items, scores, '2020-04-01', 0)).toEqual({
      ranked: [],
      validMatches: 1,
      fallback: false,
    });
  });
  it('is no fallback when nothing matched at all', () => {
    expect(rankForDay([], [], '2020-04-01', 10)).toEqual({ ranked: [], validMatches: 0, fallback: false });
  });
});
