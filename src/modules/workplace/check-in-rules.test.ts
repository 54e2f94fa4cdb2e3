import { describe, expect, it } from 'vitest';
import { checkInDeadline, checkInStanding, isNoShow, minuteOf } from './check-in-rules.js';

const TODAY = '2026-12-08';
const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('isNoShow', () => {
  it('releases a morning or whole-day booking not checked in by 10:00, an afternoon one by 14:00', () => {
    for (const slot of ['am', 'day'] as const) {
      expect(isNoShow({ date: TODAY, slot, status: 'booked' }, TODAY, at('09:59'))).toBe(false);
      expect(isNoShow({ date: TODAY, slot, status: 'booked' }, TODAY, at('10:00'))).toBe(true);
    }
    expect(isNoShow({ date: TODAY, slot: 'pm', status: 'booked' }, TODAY, at('13:59'))).toBe(false);
    expect(isNoShow({ date: TODAY, slot: 'pm', status: 'booked' }, TODAY, at('14:00'))).toBe(true);
  });

  it('releases any booking of a past day left unclaimed, never one checked in or of a day to come', () => {
    expect(isNoShow({ date: '2026-12-07', slot: 'pm', status: 'booked' }, TODAY, 0)).toBe(true);
    expect(isNoShow({ date: '2026-12-07', slot: 'pm', status: 'checked_in' }, TODAY, 0)).toBe(false);
    expect(isNoShow({ date: '2026-12-09', slot: 'am', status: 'booked' }, TODAY, at('23:00'))).toBe(false);
  });

  it("follows the site's own check-in times: 11:30 for mornings and whole days, 15:00 for afternoons", () => {
    const times = { am: '11:30', pm: '15:00' };
    expect(checkInDeadline('day', times)).toBe('11:30');
    expect(checkInDeadline('pm', times)).toBe('15:00');
    expect(isNoShow({ date: TODAY, slot: 'am', status: 'booked' }, TODAY, at('11:29'), times)).toBe(false);
    expect(isNoShow({ date: TODAY, slot: 'day', status: 'booked' }, TODAY, at('11:30'), times)).toBe(true);
    expect(isNoShow({ date: TODAY, slot: 'pm', status: 'booked' }, TODAY, at('14:59'), times)).toBe(false);
    expect(isNoShow({ date: TODAY, slot: 'pm', status: 'booked' }, TODAY, at('15:00'), times)).toBe(true);
  });

  it('reads a clock time as minutes after midnight', () => {
    expect(minuteOf('10:00')).toBe(600);
    expect(minuteOf('14:05')).toBe(845);
  });
});

describe('checkInStanding', () => {
  const booking = (slot: 'am' | 'pm' | 'day', status: string) => ({ slot, status });

  it('offers to check in a booking still waiting, before one of the same desk already checked in', () => {
    const pm = booking('pm', 'booked');
    expect(checkInStanding([booking('am', 'checked_in'), pm])).toEqual({
      standing: 'can_check_in',
      booking: pm,
    });
  });

  it('says a booking is checked in already, or was released for want of a check-in', () => {
    const done = booking('day', 'checked_in');
    expect(checkInStanding([done])).toEqual({ standing: 'checked_in', booking: done });
    const released = booking('am', 'released');
    expect(checkInStanding([released])).toEqual({ standing: 'released', booking: released });
  });

  it('finds no booking when the person has none on the desk, or only cancelled ones', () => {
    expect(checkInStanding([])).toEqual({ standing: 'no_booking', booking: null });
    expect(checkInStanding([booking('day', 'cancelled')])).toEqual({ standing: 'no_booking', booking: null });
  });
});
