import { describe, expect, it } from 'vitest';
import {
  isoWeekName,
  mondayOfParam,
  monthOf,
  weekdayNameOf,
  workingDaysBetween,
  workingDaysOf,
} from './presence-week.js';

describe('the week of a presence plan', () => {
  it('reads an ISO week or any day of it, and this week by default', () => {
    expect(mondayOfParam('2026-W50', '2026-01-01')).toBe('2026-12-07');
    expect(mondayOfParam('2026-12-10', '2026-01-01')).toBe('2026-12-07');
    expect(mondayOfParam(undefined, '2026-12-13')).toBe('2026-12-07');
    // Week 1 of 2021 starts on 4 January 2021; 1 January 2021 belongs to 2020-W53.
    expect(mondayOfParam('2021-W01', '2026-01-01')).toBe('2021-01-04');
    expect(isoWeekName('2021-01-01')).toBe('2020-W53');
  });

  it('names no week for a week 53 a year lacks, nor for a day that does not exist', () => {
    expect(mondayOfParam('2021-W53', '2026-01-01')).toBeUndefined();
    expect(mondayOfParam('2026-02-30', '2026-01-01')).toBeUndefined();
  });

  it('lists Monday to Friday, the working days of a month, and the weekday names', () => {
    expect(workingDaysOf('2026-12-07')).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
    ]);
    expect(monthOf('2024-02-10')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(workingDaysBetween('2026-12-04', '2026-12-08')).toEqual([
      '2026-12-04',
      '2026-12-07',
      '2026-12-08',
    ]);
    expect(weekdayNameOf('2026-12-09')).toBe('wed');
  });
});
