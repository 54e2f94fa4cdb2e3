import { describe, expect, it } from 'vitest';
import { isoDate, isoWeekday } from './calendar-day.js';
import { instantAtWallClock, utcOffsetAt, zonedDayNumberOf } from './time-zone.js';

const BRUSSELS = 'Europe/Brussels';
// The zone's day as Intl reads it (en-CA writes YYYY-MM-DD): what zonedDayNumberOf must agree with.
const intlDay = (iso: string, timeZone = BRUSSELS) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));
const zonedDay = (iso: string, timeZone = BRUSSELS) =>
  new Date(zonedDayNumberOf(Date.parse(iso), timeZone) * 86_400_000).toISOString().slice(0, 10);

describe('calendar days', () => {
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
    expect(() => isoWeekday('2020-3-1')).toThrow(RangeError);
    expect(() => isoWeekday('yesterday')).toThrow(RangeError);
  });
});

describe('Brussels wall clock', () => {
  it('is one hour ahead of UTC in winter and two in summer', () => {
    expect(utcOffsetAt(Date.parse('2020-01-15T12:00:00Z'), BRUSSELS)).toBe(3_600_000);
    expect(utcOffsetAt(Date.parse('2020-07-15T12:00:00Z'), BRUSSELS)).toBe(7_200_000);
    // Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last of October.
    expect(utcOffsetAt(Date.parse('2020-03-29T00:59:59Z'), BRUSSELS)).toBe(3_600_000);
    expect(utcOffsetAt(Date.parse('2020-03-29T01:00:00Z'), BRUSSELS)).toBe(7_200_000);
    expect(utcOffsetAt(Date.parse('2020-10-25T00:59:59Z'), BRUSSELS)).toBe(7_200_000);
    expect(utcOffsetAt(Date.parse('2020-10-25T01:00:00Z'), BRUSSELS)).toBe(3_600_000);
  });

  it('puts late-evening UTC instants on the next Brussels day', () => {
    expect(zonedDay('2020-12-31T22:59:59Z')).toBe('2020-12-31');
    expect(zonedDay('2020-12-31T23:00:00Z')).toBe('2021-01-01');
    expect(zonedDay('2020-06-30T22:00:00Z')).toBe('2020-07-01');
    expect(zonedDay('2020-06-30T21:59:59.999Z')).toBe('2020-06-30');
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

describe('zonedDayNumberOf', () => {
  it('agrees with the Intl reading around midnights and clock changes', () => {
    const instants = [
      '2020-03-28T22:59:59.999Z',
      '2020-03-28T23:00:00Z',
      '2020-03-29T00:59:59Z',
      '2020-03-29T01:00:00Z',
      '2020-03-29T21:59:59.999Z',
      '2020-03-29T22:00:00Z',
      '2020-10-24T21:59:59.999Z',
      '2020-10-24T22:00:00Z',
      '2020-10-25T01:30:00Z',
      '2020-10-25T22:59:59.999Z',
      '2020-10-25T23:00:00Z',
    ];
    for (let hour = 0; hour < 24 * 400; hour += 7) {
      instants.push(new Date(Date.parse('2020-01-01T00:00:00Z') + hour * 3_600_000 + 59_999).toISOString());
    }
    for (const instant of instants) expect(zonedDay(instant), instant).toBe(intlDay(instant));
  });

  it('works for zones far from UTC on both sides', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York']) {
      for (const instant of ['2021-06-30T09:59:59Z', '2021-06-30T10:00:00Z', '2021-06-30T23:30:00Z']) {
        expect(zonedDay(instant, zone), `${zone} ${instant}`).toBe(intlDay(instant, zone));
      }
    }
  });
});
