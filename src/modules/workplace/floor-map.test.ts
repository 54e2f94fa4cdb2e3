import { describe, expect, it } from 'vitest';
import type { RuleBooking, RuleDesk } from './booking-rules.js';
import { DEFAULT_SITE_RULES } from './contract.js';
import { deskStates, zoneOccupancy } from './floor-map.js';

const desk = (id: string, x: number, overrides: Partial<RuleDesk> = {}): RuleDesk => ({
  id,
  zoneId: 'A',
  x,
  y: 2,
  isBlocked: false,
  isRetired: false,
  ...overrides,
});
// A row of desks 1.4 m apart; D is blocked.
const DESKS = [
  desk('A', 2),
  desk('B', 3.4),
  desk('C', 4.8),
  desk('D', 6.2, { isBlocked: true }),
  desk('E', 9),
];
const booked = (deskId: string, personId: string, slot: RuleBooking['slot']): RuleBooking => ({
  deskId,
  personId,
  date: '2026-12-08',
  slot,
});
const rules = { ...DEFAULT_SITE_RULES, closingDays: [] };

describe('deskStates', () => {
  it('marks my desk taken and mine, its neighbours too close, a blocked desk blocked, the rest free', () => {
    const states = deskStates(DESKS, [booked('A', 'me', 'am')], 'am', rules, 'me');
    expect(
      Object.fromEntries([...states].map(([id, s]) => [id, `${s.state}${s.isMine ? ' (mine)' : ''}`])),
    ).toEqual({
      A: 'taken (mine)',
      B: 'too_close',
      C: 'free',
      D: 'blocked',
      E: 'free',
    });
  });

  it('draws the afternoon without a morning booking, and a whole day with it', () => {
    const bookings = [booked('A', 'other', 'am')];
    expect(deskStates(DESKS, bookings, 'pm', rules, 'me').get('A')?.state).toBe('free');
    expect(deskStates(DESKS, bookings, 'day', rules, 'me').get('A')?.state).toBe('taken');
    expect(deskStates(DESKS, bookings, 'day', rules, 'me').get('B')?.state).toBe('too_close');
  });

  it('shows no desk too close when the site has no distance rule', () => {
    const states = deskStates(
      DESKS,
      [booked('A', 'other', 'day')],
      'day',
      { ...rules, minDistanceMetres: 0 },
      'me',
    );
    expect(states.get('B')?.state).toBe('free');
  });
});

describe('zoneOccupancy', () => {
  it('counts the people of the fuller half against the capacity of the zone desks', () => {
    const bookings = [booked('A', 'p', 'am'), booked('C', 'q', 'day'), booked('E', 'r', 'pm')];
    expect(zoneOccupancy('A', DESKS, bookings, 'day', { ...rules, zoneCapacity: { percent: 50 } })).toEqual({
      deskCount: 5,
      capacity: 2,
      booked: 2,
    });
    expect(zoneOccupancy('A', DESKS, bookings, 'am', rules)).toEqual({
      deskCount: 5,
      capacity: 5,
      booked: 2,
    });
  });
});
