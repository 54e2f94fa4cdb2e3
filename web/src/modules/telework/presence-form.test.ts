import { describe, expect, it } from 'vitest';
import { officeSlotOf, planOf, shiftWeek } from './presence-form.js';

describe('the week form', () => {
  it('books a desk for the halves at the office only', () => {
    expect(officeSlotOf({ am: 'office', pm: 'office' })).toBe('day');
    expect(officeSlotOf({ am: 'telework', pm: 'office' })).toBe('pm');
    expect(officeSlotOf({ am: 'leave', pm: 'telework' })).toBeNull();
  });

  it('sends a desk only with a day at the office, so a desk left chosen on a telework day is not booked', () => {
    expect(
      planOf('2026-W50', [
        { date: '2026-12-07', am: 'office', pm: 'telework', desk: 'd1' },
        { date: '2026-12-08', am: 'telework', pm: 'telework', desk: 'd2' },
      ]).days,
    ).toEqual([
      { date: '2026-12-07', am: 'office', pm: 'telework', desk: 'd1' },
      { date: '2026-12-08', am: 'telework', pm: 'telework' },
    ]);
  });

  it('moves a week back and forth across a year', () => {
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
    expect(shiftWeek('2026-12-07', -1)).toBe('2026-11-30');
  });
});
