import { describe, expect, it } from 'vitest';
import type { RuleDesk } from './booking-rules.js';
import { siteCalendar } from './calendar.js';
import { DEFAULT_SITE_RULES } from './contract.js';
import { bookingsBrokenByRules, type SiteBooking } from './rule-change.js';

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
const context = { today: '2026-12-07', calendar: siteCalendar([]), teamOf: () => null };
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
});
