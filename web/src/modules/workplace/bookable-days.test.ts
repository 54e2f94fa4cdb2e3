import { describe, expect, it } from 'vitest';
import { brusselsToday, isOpenDay, nextBookableDay } from './bookable-days.js';

describe('bookable days', () => {
  it('skip weekends, Belgian public holidays and the site closing days', () => {
    expect(isOpenDay('2026-12-07', [])).toBe(true); // a Monday
    expect(isOpenDay('2026-12-12', [])).toBe(false); // a Saturday
    expect(isOpenDay('2026-12-25', [])).toBe(false); // Christmas
    expect(isOpenDay('2026-12-08', ['2026-12-08'])).toBe(false);
  });

  it('open the map on the next open day after today', () => {
    expect(nextBookableDay('2026-12-07', [], 14)).toBe('2026-12-08');
    expect(nextBookableDay('2026-12-11', [], 14)).toBe('2026-12-14'); // Friday → Monday
    // Christmas and the federal day off of 26 December fall on Friday and Saturday in 2026.
    expect(nextBookableDay('2026-12-24', [], 14)).toBe('2026-12-28');
    expect(nextBookableDay('2026-12-07', ['2026-12-08'], 14)).toBe('2026-12-09');
  });

  it('stay on today when the horizon holds no open day', () => {
    expect(nextBookableDay('2026-12-11', [], 0)).toBe('2026-12-11');
  });

  it('count today in Brussels, not in the device time zone', () => {
    expect(brusselsToday(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
  });
});
