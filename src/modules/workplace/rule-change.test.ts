import { describe, expect, it } from 'vitest';
import type { RuleDesk } from './booking-rules.js';
import { siteCalendar } from './calendar.js';
import { DEFAULT_SITE_RULES } from './contract.js';
import { bookingsBrokenByRules, ruleBreakLetter, type SiteBooking } from './rule-change.js';

const desk = (id: string, x: number): RuleDesk => ({
  id,
  zoneId: 'A',
  x,
  y: 2,
  isBlocked: false,
  isRetired: false,
});
const DESKS = new Map([['F', [desk('A1', 2), desk('A2', 3.4), desk('A3', 6)]]]);
const booking = (id: string, deskId: string, personId: string, date = '2026-12-08'): SiteBooking => ({
  id,
  deskId,
  personId,
  date,
  slot: 'day',
  floorId: 'F',
});
const context = {
  today: '2026-12-07',
  calendar: siteCalendar([]),
  teamOf: () => null,
  zoneCapacities: new Map(),
};
const lax = { ...DEFAULT_SITE_RULES, closingDays: [], minDistanceMetres: 0 };

describe('bookingsBrokenByRules', () => {
  it('lists both neighbours when a distance rule comes back, and not the desk far enough', () => {
    const bookings = [booking('b1', 'A1', 'p'), booking('b2', 'A2', 'q'), booking('b3', 'A3', 'r')];
    expect(bookingsBrokenByRules(bookings, DESKS, lax, context)).toEqual([]);
    const strict = { ...lax, minDistanceMetres: 1.5 };
    expect(bookingsBrokenByRules(bookings, DESKS, strict, context).map((b) => `${b.id} ${b.reason}`)).toEqual(
      ['b1 too_close', 'b2 too_close'],
    );
  });

  it('lists the bookings of a new closing day and over a new weekly limit, not those beyond a shorter horizon', () => {
    const bookings = [
      booking('mon', 'A1', 'p', '2026-12-07'),
      booking('tue', 'A1', 'p', '2026-12-08'),
      booking('far', 'A3', 'r', '2027-03-02'),
    ];
    const rules = { ...lax, closingDays: ['2026-12-08'], weeklyOfficeDaysMax: 1, horizonDays: 3 };
    const calendar = siteCalendar(rules.closingDays);
    expect(
      bookingsBrokenByRules(bookings, DESKS, rules, { ...context, calendar }).map(
        (b) => `${b.id} ${b.reason}`,
      ),
    ).toEqual(['mon weekly_limit', 'tue closed_day']);
  });

  it("lists the bookings over a zone's own new capacity, each as if it came last", () => {
    const bookings = [booking('b1', 'A1', 'p'), booking('b3', 'A3', 'r')];
    expect(bookingsBrokenByRules(bookings, DESKS, lax, context)).toEqual([]);
    const zoneCapacities = new Map([['A', { people: 1 }]]);
    expect(bookingsBrokenByRules(bookings, DESKS, lax, { ...context, zoneCapacities })).toEqual([
      { id: 'b1', reason: 'zone_full', details: { zone: 'A', booked: 1, capacity: 1 } },
      { id: 'b3', reason: 'zone_full', details: { zone: 'A', booked: 1, capacity: 1 } },
    ]);
    // The site's capacity gives way to the zone's own.
    const siteFull = { ...lax, zoneCapacity: { people: 1 } };
    const zoneRoomy = new Map([['A', { percent: 100 }]]);
    expect(
      bookingsBrokenByRules(bookings, DESKS, siteFull, { ...context, zoneCapacities: zoneRoomy }),
    ).toEqual([]);
  });
});

describe('ruleBreakLetter', () => {
  const tooClose = {
    reason: 'too_close' as const,
    details: { nearDesk: 'A2', distanceMetres: 1.4, minDistanceMetres: 1.5 },
  };
  it('lists each booking once, earliest first, with its date, part of the day, desk and why', () => {
    const letter = ruleBreakLetter('en', 'Botanique', [
      { date: '2026-12-09', slot: 'am', desk: 'A1', ...tooClose },
      { date: '2026-12-08', slot: 'day', desk: 'A1', reason: 'closed_day', details: { date: '2026-12-08' } },
    ]);
    expect(letter.subject).toBe('Your desk bookings at Botanique and the new rules');
    expect(letter.text).toContain(
      '- 2026-12-08, whole day, desk A1: The site is closed on 2026-12-08.\n- 2026-12-09, morning, desk A1: Desk A2, booked for that time, is 1.4 m away: less than 1.5 m.',
    );
  });
  it('speaks the person’s language', () => {
    const fr = ruleBreakLetter('fr', 'Botanique', [
      { date: '2026-12-08', slot: 'pm', desk: 'A1', ...tooClose },
    ]);
    expect(fr.subject).toBe('Vos réservations de bureau à Botanique et les nouvelles règles');
    expect(fr.text).toContain('- 2026-12-08, après-midi, bureau A1 : Le bureau A2');
    const nl = ruleBreakLetter('nl', 'Botanique', [
      { date: '2026-12-08', slot: 'am', desk: 'A1', ...tooClose },
    ]);
    expect(nl.text).toContain('- 2026-12-08, voormiddag, bureau A1: ');
  });
});
