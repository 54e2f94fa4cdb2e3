import { describe, expect, it } from 'vitest';
import { addDays, isoDate, isoWeekday } from './calendar-day.js';
import { instantAtWallClock, utcOffsetAt, zonedDayOf } from './time-zone.js';

const BRUSSELS = 'Europe/Brussels';
const at = (iso: string) => new Date(iso);

describe('calendar days', () => {
  it('steps over month, year and leap-day ends', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2020-03-28', 2)).toBe('2020-03-30');
  });
  it('builds days from numbers, normalising overflow', () => {
    expect(isoDate(2020, 4, 12)).toBe('2020-04-12');
    expect(isoDate(2020, 4, 12 + 39)).toBe('2020-05-21');
  });
  it('numbers weekdays from Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2020-03-30')).toBe(1);
    expect(isoWeekday('2020-03-27')).toBe(5);
    expect(isoWeekday('2020-03-29')).toBe(7);
  });
  it('refuses what is not a calendar day', () => {
    expect(() => addDays('2020-3-1', 1)).toThrow(RangeError);
    expect(() => isoWeekday('yesterday')).toThrow(RangeError);
  });
});

describe('Brussels wall clock', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(utcOffsetAt(Date.parse('2020-01-15T12:00:00Z'), BRUSSELS)).toBe(3_600_000);
    expect(utcOffsetAt(Date.parse('2020-07-15T12:00:00Z'), BRUSSELS)).toBe(7_200_000);
    // Summer time starts at 01:00 UTC on the last Sunday of March and ends at 01:00 UTC on the last of October.
    expect(utcOffsetAt(Date.parse('2020-03-29T00:59:59Z'), BRUSSELS)).toBe(3_600_000);
    expect(utcOffsetAt(Date.parse('2020-03-29T01:00:00Z'), BRUSSELS)).toBe(7_200_000);
    expect(utcOffsetAt(Date.parse('2020-10-25T00:59:59Z'), BRUSSELS)).toBe(7_200_000);
    expect(utcOffsetAt(Date.parse('2020-10-25T01:00:00Z'), BRUSSELS)).toBe(3_600_000);
  });

  it('puts late-evening UTC instants on the next Brussels day', () => {
    expect(zonedDayOf(at('2020-12-31T22:59:59Z'), BRUSSELS)).toBe('2020-12-31');
    expect(zonedDayOf(at('2020-12-31T23:00:00Z'), BRUSSELS)).toBe('2021-01-01');
    expect(zonedDayOf(at('2020-06-30T22:00:00Z'), BRUSSELS)).toBe('2020-07-01');
    expect(zonedDayOf(at('2020-06-30T21:59:59.999Z'), BRUSSELS)).toBe('2020-06-30');
  });

  it('turns a Brussels reading into the right instant on either side of a clock change', () => {
    expect(instantAtWallClock('2020-03-27', 8 * 60, BRUSSELS).toISOString()).toBe('2020-03-27T07:00:00.000Z');
    expect(instantAtWallClock('2020-03-30', 8 * 60, BRUSSELS).toISOString()).toBe('2020-03-30T06:00:00.000Z');
    expect(instantAtWallClock('2020-10-23', 17 * 60, BRUSSELS).toISOString()).toBe(
      '2020-10-23T15:00:00.000Z',
    );
    expect(instantAtWallClock('2020-10-26', 17 * 60, BRUSSELS).toISOString()).toBe(
      '2020-10-26T16:00:00.000Z',
    );
  });

  it('moves a reading the spring change skips forward by the hour, and takes the first of a doubled one', () => {
    // 02:30 does not happen on 29 March 2020: clocks jump from 02:00 to 03:00, so it reads 03:30 (01:30 UTC).
    expect(instantAtWallClock('2020-03-29', 150, BRUSSELS).toISOString()).toBe('2020-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2020: first in summer time (00:30 UTC), then an hour later.
    expect(instantAtWallClock('2020-10-25', 150, BRUSSELS).toISOString()).toBe('2020-10-25T00:30:00.000Z');
  });

  it('reads midnight of the next day for 24:00', () => {
    expect(instantAtWallClock('2020-03-28', 24 * 60, BRUSSELS).toISOString()).toBe(
      '2020-03-28T23:00:00.000Z',
    );
    expect(instantAtWallClock('2020-03-29', 24 * 60, BRUSSELS).toISOString()).toBe(
      '2020-03-29T22:00:00.000Z',
    );
  });
});
