import { describe, expect, it } from 'vitest';
import { firstDayOf } from './deflections.js';

describe('firstDayOf', () => {
  it('counts today as the first of the days asked for', () => {
    expect(firstDayOf('2020-03-18', 1)).toBe('2020-03-18');
    expect(firstDayOf('2020-03-18', 7)).toBe('2020-03-12');
  });

  it('crosses months, leap days and the change to summer time by calendar day', () => {
    expect(firstDayOf('2020-03-01', 2)).toBe('2020-02-29');
    expect(firstDayOf('2020-03-30', 2)).toBe('2020-03-29');
    expect(firstDayOf('2020-12-31', 366)).toBe('2020-01-01');
  });
});
