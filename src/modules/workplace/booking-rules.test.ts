import { describe, expect, it } from 'vitest';
import {
  type BookingContext,
  type CandidateBooking,
  checkBooking,
  isSlotOffered,
  type RuleBooking,
  type RuleDesk,
  slotsOverlap,
  zoneCapacity,
} from './booking-rules.js';
import { siteCalendar } from './calendar.js';
import { DEFAULT_SITE_RULES, type SiteRules } from './contract.js';

// A wing as botanique.json draws them: side-by-side desks 1.4 m apart (A1, A2, A3), facing desks
// 1.6 m apart (A1 faces A4), and a second zone B far away.
const desk = (id: string, x: number, y: number, overrides: Partial<RuleDesk> = {}): RuleDesk => ({
  id,
  zoneId: id.slice(0, 1),
  x,
  y,
  isBlocked: false,
  isRetired: false,
  ...overrides,
});
const DESKS = [
  desk('A1', 2, 2),
  desk('A2', 3.4, 2),
  desk('A3', 4.8, 2),
  desk('A4', 2, 3.6),
  desk('B1', 20, 2),
  desk('B2', 21.4, 2),
];

const TODAY = '2026-12-07'; // a Monday, ISO week 50
const TUESDAY = '2026-12-08';

const booking = (deskId: string, personId: string, overrides: Partial<RuleBooking> = {}): RuleBooking => ({
  deskId,
  personId,
  date: TUESDAY,
  slot: 'day',
  ...overrides,
});

function contextWith(
  overrides: Partial<Omit<BookingContext, 'rules'>> & { rules?: Partial<SiteRules> } = {},
): BookingContext {
  const rules: SiteRules = { ...DEFAULT_SITE_RULES, closingDays: [], ...overrides.rules };
  return {
    today: TODAY,
    floorDesks: DESKS,
    floorBookings: [],
    personWeek: [],
    personTeam: null,
    calendar: siteCalendar(rules.closingDays),
    zoneCapacities: new Map(),
    ...overrides,
    rules,
  };
}

const candidate = (overrides: Partial<CandidateBooking> = {}): CandidateBooking => ({
  deskId: 'A1',
  personId: 'emma',
  date: TUESDAY,
  slot: 'day',
  ...overrides,
});

describe('checkBooking', () => {
  it('accepts a free desk on an open day within the horizon', () => {
    expect(checkBooking(candidate(), contextWith())).toEqual({ ok: true });
  });

  describe('distance', () => {
    it('refuses the desk beside one booked (1.4 m < 1.5 m), naming that desk and the distance', () => {
      const context = contextWith({ floorBookings: [booking('A2', 'tom')] });
      expect(checkBooking(candidate(), context)).toEqual({
        ok: false,
        code: 'too_close',
        details: { nearDesk: 'A2', distanceMetres: 1.4, minDistanceMetres: 1.5 },
      });
    });

    it('accepts the desk facing one booked (1.6 m)', () => {
      const context = contextWith({ floorBookings: [booking('A4', 'tom')] });
      expect(checkBooking(candidate(), context)).toEqual({ ok: true });
    });

    it('accepts a neighbour booked for the other half of the day only', () => {
      const context = contextWith({ floorBookings: [booking('A2', 'tom', { slot: 'pm' })] });
      expect(checkBooking(candidate({ slot: 'am' }), context)).toEqual({ ok: true });
      expect(checkBooking(candidate({ slot: 'day' }), context)).toMatchObject({
        ok: false,
        code: 'too_close',
      });
    });

    it('is off when the minimum distance is 0', () => {
      const context = contextWith({ rules: { minDistanceMetres: 0 }, floorBookings: [booking('A2', 'tom')] });
      expect(checkBooking(candidate(), context)).toEqual({ ok: true });
    });

    it('counts a desk exactly at the minimum distance as far enough', () => {
      const context = contextWith({
        rules: { minDistanceMetres: 1.4 },
        floorBookings: [booking('A2', 'tom')],
      });
      expect(checkBooking(candidate(), context)).toEqual({ ok: true });
    });
  });

  it('refuses a desk booked for an overlapping slot, and accepts it for the other half', () => {
    const context = contextWith({ floorBookings: [booking('A1', 'tom', { slot: 'am' })] });
    expect(checkBooking(candidate({ slot: 'day' }), context)).toEqual({
      ok: false,
      code: 'desk_taken',
      details: { desk: 'A1' },
    });
    expect(checkBooking(candidate({ slot: 'am' }), context)).toMatchObject({ code: 'desk_taken' });
    expect(checkBooking(candidate({ slot: 'pm' }), context)).toEqual({ ok: true });
  });

  describe('zone capacity', () => {
    it('refuses once a zone holds its number of people', () => {
      const context = contextWith({
        rules: { zoneCapacity: { people: 1 } },
        floorBookings: [booking('B1', 'tom')],
      });
      expect(
        checkBooking(candidate({ deskId: 'B2' }), {
          ...context,
          rules: { ...context.rules, minDistanceMetres: 0 },
        }),
      ).toEqual({
        ok: false,
        code: 'zone_full',
        details: { zone: 'B', booked: 1, capacity: 1 },
      });
      expect(checkBooking(candidate({ deskId: 'A3' }), context)).toEqual({ ok: true });
    });

    it('reads a percentage of the zone desks, rounded down (50 % of 4 desks: 2 people)', () => {
      const context = contextWith({
        rules: { zoneCapacity: { percent: 50 }, minDistanceMetres: 0 },
        floorBookings: [booking('A1', 'tom'), booking('A2', 'ann', { slot: 'am' })],
      });
      expect(checkBooking(candidate({ deskId: 'A3', slot: 'am' }), context)).toMatchObject({
        code: 'zone_full',
      });
      expect(checkBooking(candidate({ deskId: 'A3', slot: 'pm' }), context)).toEqual({ ok: true });
      expect(checkBooking(candidate({ deskId: 'A3', slot: 'day' }), context)).toMatchObject({
        code: 'zone_full',
        details: { zone: 'A', booked: 2, capacity: 2 },
      });
    });

    it("counts the zone's desks from zoneDeskCount when the caller counted them instead of listing them", () => {
      const context = contextWith({
        rules: { zoneCapacity: { percent: 50 }, minDistanceMetres: 0 },
        // Only the candidate and the booked desk are listed; the zone has 2 desks in the plan.
        floorDesks: [DESKS[0]!, DESKS[2]!],
        zoneDeskCount: 2,
        floorBookings: [booking('A1', 'tom')],
      });
      expect(checkBooking(candidate({ deskId: 'A3' }), context)).toEqual({
        ok: false,
        code: 'zone_full',
        details: { zone: 'A', booked: 1, capacity: 1 },
      });
      expect(checkBooking(candidate({ deskId: 'A3' }), { ...context, zoneDeskCount: 4 })).toEqual({
        ok: true,
      });
    });

    it('takes as many people as desks when no capacity is set, and retired desks do not count', () => {
      expect(zoneCapacity(40, { ...DEFAULT_SITE_RULES, closingDays: [] })).toBe(40);
      expect(
        zoneCapacity(40, { ...DEFAULT_SITE_RULES, closingDays: [], zoneCapacity: { percent: 25 } }),
      ).toBe(10);
      expect(zoneCapacity(3, { ...DEFAULT_SITE_RULES, closingDays: [], zoneCapacity: { people: 10 } })).toBe(
        3,
      );
    });

    it("reads a zone's own capacity before the site's, as a number or a percentage of its desks", () => {
      const site = { ...DEFAULT_SITE_RULES, closingDays: [], zoneCapacity: { percent: 50 } };
      expect(zoneCapacity(10, site, { people: 8 })).toBe(8);
      expect(zoneCapacity(10, site, { percent: 30 })).toBe(3);
      expect(zoneCapacity(10, site, { people: 0 })).toBe(0);
      expect(zoneCapacity(10, site, { people: 40 })).toBe(10);
      expect(zoneCapacity(10, site, null)).toBe(5);
    });

    it("refuses once a zone holds its own capacity, while the site's would let more in", () => {
      const context = contextWith({
        rules: { zoneCapacity: null, minDistanceMetres: 0 },
        floorBookings: [booking('A1', 'tom')],
        zoneCapacities: new Map([['A', { people: 1 }]]),
      });
      expect(checkBooking(candidate({ deskId: 'A3' }), context)).toEqual({
        ok: false,
        code: 'zone_full',
        details: { zone: 'A', booked: 1, capacity: 1 },
      });
      // Zone B has no capacity of its own: the site's (its desks) applies.
      expect(checkBooking(candidate({ deskId: 'B1' }), context)).toEqual({ ok: true });
      // A zone's percentage: 50 % of A's 4 desks lets a second person in.
      expect(
        checkBooking(candidate({ deskId: 'A3' }), {
          ...context,
          zoneCapacities: new Map([['A', { percent: 50 }]]),
        }),
      ).toEqual({ ok: true });
    });
  });

  describe('the person', () => {
    it('refuses a second desk for an overlapping slot, anywhere', () => {
      const context = contextWith({ personWeek: [booking('B1', 'emma', { slot: 'am' })] });
      expect(checkBooking(candidate({ slot: 'day' }), context)).toEqual({
        ok: false,
        code: 'person_already_booked',
        details: { bookedDesk: 'B1', bookedSlot: 'am' },
      });
      expect(checkBooking(candidate({ slot: 'pm' }), context)).toEqual({ ok: true });
    });

    it('refuses a day over the weekly limit of office days, but a second half of a day already counted is fine', () => {
      const week = [
        booking('B1', 'emma', { date: '2026-12-09', slot: 'am' }),
        booking('B1', 'emma', { date: '2026-12-10' }),
      ];
      const context = contextWith({ rules: { weeklyOfficeDaysMax: 2 }, personWeek: week });
      expect(checkBooking(candidate(), context)).toEqual({
        ok: false,
        code: 'weekly_limit',
        details: { max: 2, count: 2, week: '2026-W50' },
      });
      expect(checkBooking(candidate({ date: '2026-12-09', slot: 'pm' }), context)).toEqual({ ok: true });
    });

    it('lets a team come only in its weeks when teams rotate (ISO week 50 is even)', () => {
      const rules = { teamRotation: { oddWeeks: ['call-center'], evenWeeks: ['hr'] } };
      expect(checkBooking(candidate(), contextWith({ rules, personTeam: 'call-center' }))).toEqual({
        ok: false,
        code: 'not_your_team_week',
        details: { week: '2026-W50', team: 'call-center', teamWeeks: 'odd' },
      });
      expect(checkBooking(candidate(), contextWith({ rules, personTeam: 'hr' }))).toEqual({ ok: true });
      expect(
        checkBooking(candidate({ date: '2026-12-15' }), contextWith({ rules, personTeam: 'call-center' })),
      ).toEqual({ ok: true });
      expect(checkBooking(candidate(), contextWith({ rules, personTeam: 'ict' }))).toEqual({ ok: true });
    });
  });

  describe('the day', () => {
    it('refuses weekends, Belgian public holidays (and federal days off) and the site closing days', () => {
      const context = contextWith({ rules: { horizonDays: 60, closingDays: ['2026-12-24'] } });
      context.calendar = siteCalendar(['2026-12-24']);
      for (const [date, closedReason] of [
        ['2026-12-12', 'weekend'],
        ['2026-12-25', 'public_holiday'],
        ['2026-12-26', 'weekend'],
        ['2027-01-01', 'public_holiday'],
        ['2026-12-24', 'closing_day'],
      ]) {
        expect(checkBooking(candidate({ date }), context), date).toEqual({
          ok: false,
          code: 'closed_day',
          details: { date, closedReason },
        });
      }
      expect(checkBooking(candidate({ date: '2026-12-23' }), context)).toEqual({ ok: true });
    });

    it('books from today to the horizon (14 days by default), not before nor after', () => {
      expect(checkBooking(candidate({ date: TODAY }), contextWith())).toEqual({ ok: true });
      expect(checkBooking(candidate({ date: '2026-12-21' }), contextWith())).toEqual({ ok: true });
      expect(checkBooking(candidate({ date: '2026-12-22' }), contextWith())).toEqual({
        ok: false,
        code: 'outside_horizon',
        details: { horizonDays: 14, lastDay: '2026-12-21' },
      });
      expect(checkBooking(candidate({ date: '2026-12-04' }), contextWith())).toMatchObject({
        code: 'outside_horizon',
      });
    });
  });

  it('never books a blocked or retired desk, nor one that is not on the floor', () => {
    const floorDesks = [desk('A1', 2, 2, { isBlocked: true }), desk('A2', 3.4, 2, { isRetired: true })];
    expect(checkBooking(candidate(), contextWith({ floorDesks }))).toEqual({
      ok: false,
      code: 'desk_blocked',
      details: { desk: 'A1' },
    });
    expect(checkBooking(candidate({ deskId: 'A2' }), contextWith({ floorDesks }))).toMatchObject({
      code: 'desk_blocked',
    });
    expect(checkBooking(candidate({ deskId: 'Z9' }), contextWith({ floorDesks }))).toMatchObject({
      code: 'desk_blocked',
    });
  });
});

describe('slots', () => {
  it('overlap when they share a half: a day overlaps both', () => {
    expect(slotsOverlap('am', 'pm')).toBe(false);
    expect(slotsOverlap('am', 'day')).toBe(true);
    expect(slotsOverlap('day', 'pm')).toBe(true);
    expect(slotsOverlap('pm', 'pm')).toBe(true);
  });
  it('are whole days only where the site says so', () => {
    const rules = { ...DEFAULT_SITE_RULES, closingDays: [], isWholeDaysOnly: true };
    expect(isSlotOffered('am', rules)).toBe(false);
    expect(isSlotOffered('day', rules)).toBe(true);
    expect(isSlotOffered('pm', { ...rules, isWholeDaysOnly: false })).toBe(true);
  });
});
