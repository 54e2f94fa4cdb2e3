import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  businessMinutesBetween,
  createBusinessCalendar,
  isOpen,
  nextOpening,
  BRUSSELS_OFFICE_CALENDAR as office,
} from './business-calendar.js';

// Expected instants are written in UTC, worked out by hand: Brussels is UTC+1 in winter, UTC+2 in summer
// (from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October).
const at = (iso: string) => new Date(iso);
const deadline = (start: string, minutes: number, calendar = office) =>
  addBusinessTime(at(start), minutes, calendar).toISOString();
const between = (a: string, b: string, calendar = office) => businessMinutesBetween(at(a), at(b), calendar);

describe('the default calendar', () => {
  it('opens Monday to Friday from 08:00 to 17:00 Brussels time and closes on holidays', () => {
    expect(office.timeZone).toBe('Europe/Brussels');
    expect([...office.workingDays]).toEqual([1, 2, 3, 4, 5]);
    expect([office.opensAtMinute, office.closesAtMinute]).toEqual([480, 1020]);
    expect(office.isClosedDay('2020-04-13')).toBe(true); // Easter Monday
    expect(office.isClosedDay('2020-11-15')).toBe(true); // King's Feast (federal public service)
    expect(office.isClosedDay('2020-04-10')).toBe(false); // Good Friday is a working day in Belgium
  });
});

describe('addBusinessTime', () => {
  it('carries what is left at Friday closing over to Monday morning: Friday 16:30 + 2 h = Monday 09:30', () => {
    expect(deadline('2021-01-15T15:30:00Z', 120)).toBe('2021-01-18T08:30:00.000Z');
  });

  it('stays on the same day when the time fits, ending at closing time rather than the next opening', () => {
    expect(deadline('2021-01-15T08:00:00Z', 90)).toBe('2021-01-15T09:30:00.000Z');
    expect(deadline('2021-01-15T15:00:00Z', 60)).toBe('2021-01-15T16:00:00.000Z');
  });

  it('follows Brussels across the spring clock change: Friday 27 March 2020 16:00 + 2 h = Monday 09:00 summer time', () => {
    expect(deadline('2020-03-27T15:00:00Z', 120)).toBe('2020-03-30T07:00:00.000Z');
  });

  it('follows Brussels across the autumn clock change: Friday 23 October 2020 16:00 + 2 h = Monday 09:00 winter time', () => {
    expect(deadline('2020-10-23T14:00:00Z', 120)).toBe('2020-10-26T08:00:00.000Z');
  });

  it('skips Easter Monday 2020 but works on Good Friday', () => {
    expect(deadline('2020-04-09T14:00:00Z', 120)).toBe('2020-04-10T07:00:00.000Z');
    expect(deadline('2020-04-10T14:00:00Z', 120)).toBe('2020-04-14T07:00:00.000Z');
  });

  it('counts a start on a holiday from the next opening', () => {
    // Armistice, Wednesday 11 November 2020, 10:00: the hour runs on Thursday from 08:00.
    expect(deadline('2020-11-11T09:00:00Z', 60)).toBe('2020-11-12T08:00:00.000Z');
  });

  it('closes on federal public service days unless the calendar leaves them out', () => {
    // Monday 2 November 2020 (All Souls), 10:00.
    expect(deadline('2020-11-02T09:00:00Z', 60)).toBe('2020-11-03T08:00:00.000Z');
    const privateSector = createBusinessCalendar({ federalPublicServiceDays: false });
    expect(deadline('2020-11-02T09:00:00Z', 60, privateSector)).toBe('2020-11-02T10:00:00.000Z');
  });

  it('gives the next opening for 0 minutes, or the start itself when open', () => {
    expect(deadline('2021-01-15T10:00:00Z', 0)).toBe('2021-01-15T10:00:00.000Z');
    expect(deadline('2021-01-16T10:00:00Z', 0)).toBe('2021-01-18T07:00:00.000Z'); // Saturday
    expect(deadline('2021-01-15T16:00:00Z', 0)).toBe('2021-01-18T07:00:00.000Z'); // Friday 17:00
    expect(deadline('2021-01-18T06:00:00Z', 0)).toBe('2021-01-18T07:00:00.000Z'); // Monday 07:00
  });

  it('spans Christmas and New Year for 40 business hours from Tuesday 24 December 2019 09:00', () => {
    // 24 Dec 8 h; 25, 26 closed; 27 Dec 9 h; 30 Dec 9 h; 31 Dec 9 h; 1 Jan closed; 2 Jan 5 h → 13:00.
    expect(deadline('2019-12-24T08:00:00Z', 40 * 60)).toBe('2020-01-02T12:00:00.000Z');
    // Where 26 December is worked: 24 Dec 8 h; 26, 27, 30 Dec 27 h; 31 Dec 5 h → 13:00.
    const privateSector = createBusinessCalendar({ federalPublicServiceDays: false });
    expect(deadline('2019-12-24T08:00:00Z', 40 * 60, privateSector)).toBe('2019-12-31T12:00:00.000Z');
  });

  it('keeps seconds and fractions of minutes', () => {
    expect(deadline('2021-01-15T09:00:30Z', 1.5)).toBe('2021-01-15T09:02:00.000Z');
  });

  it('refuses negative or missing amounts and invalid dates', () => {
    expect(() => deadline('2021-01-15T09:00:00Z', -1)).toThrow(RangeError);
    expect(() => deadline('2021-01-15T09:00:00Z', Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessTime(new Date('not a date'), 10, office)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts opening time only, and negatively backwards', () => {
    expect(between('2021-01-15T08:00:00Z', '2021-01-15T09:30:00Z')).toBe(90);
    expect(between('2021-01-15T15:00:00Z', '2021-01-18T08:00:00Z')).toBe(120); // Fri 16:00 → Mon 09:00
    expect(between('2021-01-18T08:00:00Z', '2021-01-15T15:00:00Z')).toBe(-120);
    expect(between('2021-01-15T10:00:00Z', '2021-01-15T10:00:00Z')).toBe(0);
  });

  it('is zero between two instants outside opening hours with no opening between them', () => {
    expect(between('2021-01-16T09:00:00Z', '2021-01-17T15:00:00Z')).toBe(0); // Saturday → Sunday
    expect(between('2021-01-15T16:30:00Z', '2021-01-18T06:00:00Z')).toBe(0); // Fri 17:30 → Mon 07:00
  });

  it('counts 45 hours in an ordinary week and 36 in the week of Easter Monday', () => {
    expect(between('2021-01-17T23:00:00Z', '2021-01-24T23:00:00Z')).toBe(45 * 60);
    expect(between('2020-04-12T22:00:00Z', '2020-04-19T22:00:00Z')).toBe(36 * 60);
  });

  it('counts across clock changes by Brussels opening hours', () => {
    expect(between('2020-03-27T15:00:00Z', '2020-03-30T07:00:00Z')).toBe(120);
    expect(between('2020-10-23T14:00:00Z', '2020-10-26T08:00:00Z')).toBe(120);
  });

  it('undoes addBusinessTime, and adds up over consecutive stretches', () => {
    let seed = 20_200_329;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const from = Date.parse('2019-12-01T00:00:00Z');
    for (let i = 0; i < 300; i++) {
      const start = new Date(from + Math.floor(random() * 500 * 86_400) * 1000);
      const minutes = Math.floor(random() * 5000);
      const end = addBusinessTime(start, minutes, office);
      expect(businessMinutesBetween(start, end, office), `${start.toISOString()} + ${minutes}`).toBe(minutes);
      const middle = new Date((start.getTime() + end.getTime()) / 2);
      expect(
        businessMinutesBetween(start, middle, office) + businessMinutesBetween(middle, end, office),
      ).toBeCloseTo(minutes, 9);
    }
  });
});

describe('isOpen', () => {
  it('includes the opening time and excludes the closing time', () => {
    expect(isOpen(at('2021-01-15T07:00:00Z'), office)).toBe(true); // 08:00
    expect(isOpen(at('2021-01-15T06:59:59.999Z'), office)).toBe(false);
    expect(isOpen(at('2021-01-15T15:59:59Z'), office)).toBe(true);
    expect(isOpen(at('2021-01-15T16:00:00Z'), office)).toBe(false); // 17:00
  });

  it('is closed at weekends and on holidays', () => {
    expect(isOpen(at('2021-01-16T10:00:00Z'), office)).toBe(false);
    expect(isOpen(at('2020-11-11T10:00:00Z'), office)).toBe(false);
  });

  it('reads the hours in Brussels time on both sides of the spring change', () => {
    expect(isOpen(at('2020-03-27T06:30:00Z'), office)).toBe(false); // Friday 07:30 winter time
    expect(isOpen(at('2020-03-27T15:30:00Z'), office)).toBe(true); // Friday 16:30
    expect(isOpen(at('2020-03-30T06:30:00Z'), office)).toBe(true); // Monday 08:30 summer time
    expect(isOpen(at('2020-03-30T05:30:00Z'), office)).toBe(false); // Monday 07:30
    expect(isOpen(at('2020-03-30T15:30:00Z'), office)).toBe(false); // Monday 17:30
  });
});

describe('nextOpening', () => {
  it('returns an instant inside opening hours unchanged', () => {
    expect(nextOpening(at('2021-01-15T10:17:23.456Z'), office).toISOString()).toBe(
      '2021-01-15T10:17:23.456Z',
    );
  });

  it('skips Christmas Day and the weekend after it', () => {
    // Thursday 24 December 2020, 18:00 → Monday 28 December, 08:00.
    expect(nextOpening(at('2020-12-24T17:00:00Z'), office).toISOString()).toBe('2020-12-28T07:00:00.000Z');
  });

  it('skips New Year’s Day from New Year’s Eve late in the evening', () => {
    expect(nextOpening(at('2020-12-31T22:30:00Z'), office).toISOString()).toBe('2021-01-04T07:00:00.000Z');
  });

  it('opens at 08:00 summer time on the Monday after the spring change', () => {
    expect(nextOpening(at('2020-03-29T10:00:00Z'), office).toISOString()).toBe('2020-03-30T06:00:00.000Z');
  });

  it('respects the institution’s own closing days, such as the bridge day after Ascension', () => {
    const withBridge = createBusinessCalendar({ extraClosingDays: ['2020-05-22'] });
    // Wednesday 20 May 2020, 17:00; Thursday 21 May is Ascension.
    expect(nextOpening(at('2020-05-20T15:00:00Z'), office).toISOString()).toBe('2020-05-22T06:00:00.000Z');
    expect(nextOpening(at('2020-05-20T15:00:00Z'), withBridge).toISOString()).toBe(
      '2020-05-25T06:00:00.000Z',
    );
  });
});

describe('other calendars', () => {
  it('takes other hours and working days', () => {
    const mornings = createBusinessCalendar({
      opensAt: '09:00',
      closesAt: '12:30',
      workingDays: [1, 2, 3, 4, 5, 6],
    });
    // Friday 15 January 2021 12:00 + 1 h → Saturday 09:30.
    expect(deadline('2021-01-15T11:00:00Z', 60, mornings)).toBe('2021-01-16T08:30:00.000Z');
    expect(between('2021-01-15T07:00:00Z', '2021-01-15T16:00:00Z', mornings)).toBe(210);
  });

  it('counts the real length of the days of a clock change when open round the clock', () => {
    const always = createBusinessCalendar({
      opensAt: '00:00',
      closesAt: '24:00',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
    });
    // Saturday 00:00 → Monday 00:00: 47 hours in March 2020, 49 in October 2020.
    expect(between('2020-03-27T23:00:00Z', '2020-03-29T22:00:00Z', always)).toBe(47 * 60);
    expect(between('2020-10-23T22:00:00Z', '2020-10-25T23:00:00Z', always)).toBe(49 * 60);
    // Sunday 29 March 2020, 01:30 + 1 h = 03:30 summer time: 02:30 never happened.
    expect(deadline('2020-03-29T00:30:00Z', 60, always)).toBe('2020-03-29T01:30:00.000Z');
  });

  it('refuses hours that are not HH:MM, closing before opening, no working day or an unknown zone', () => {
    expect(() => createBusinessCalendar({ opensAt: '17:00', closesAt: '08:00' })).toThrow(/closesAt/);
    expect(() => createBusinessCalendar({ opensAt: '8:00' })).toThrow(/opensAt/);
    expect(() => createBusinessCalendar({ closesAt: '24:30' })).toThrow(/closesAt/);
    expect(() => createBusinessCalendar({ opensAt: '07:60' })).toThrow(/opensAt/);
    expect(() => createBusinessCalendar({ workingDays: [] })).toThrow(/working day/);
    expect(() => createBusinessCalendar({ timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it('gives up with a clear error on a calendar that never opens again', () => {
    const days = Array.from({ length: 4000 }, (_, i) =>
      new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const closed = createBusinessCalendar({ extraClosingDays: days });
    expect(() => nextOpening(at('2021-01-01T10:00:00Z'), closed)).toThrow(/stays closed/);
  });
});
