import { describe, expect, it } from 'vitest';
import { bookingViolations } from './booking-invariants.js';
import type { Slot } from './contract.js';

const at = (
  desk_id: string,
  x: number,
  person_id: string,
  slot: Slot,
  zone_id = 'A',
  booked_on = '2026-12-08',
) => ({
  desk_id,
  person_id,
  booked_on,
  slot,
  x,
  y: 2,
  zone_id,
});
const limits = (capacity: number, weekly: number | null = 1) => ({
  minDistanceMetres: 1.5,
  zoneCapacity: () => capacity,
  weeklyOfficeDaysMax: weekly,
});

describe('bookingViolations (the checker itself is sound)', () => {
  it('finds two people too close in overlapping slots', () => {
    expect(bookingViolations([at('1', 2, 'p', 'am'), at('2', 3.4, 'q', 'day')], limits(10))).toEqual([
      'closer than 1.5 m: 1/am and 2/day on 2026-12-08',
    ]);
  });

  it('lets one desk be booked in the morning and the afternoon', () => {
    expect(bookingViolations([at('1', 2, 'p', 'am'), at('1', 2, 'q', 'pm')], limits(10))).toEqual([]);
  });

  it('finds a desk booked twice, and neighbours on different days are no pair', () => {
    expect(
      bookingViolations(
        [at('1', 2, 'p', 'am'), at('1', 2, 'q', 'day'), at('2', 3, 'r', 'am', 'A', '2026-12-09')],
        limits(10, null),
      ),
    ).toEqual(['desk booked twice: 1/am and 1/day on 2026-12-08']);
  });

  it('finds one person at two desks at once and a zone over its capacity', () => {
    expect(
      bookingViolations([at('1', 2, 'p', 'day'), at('9', 20, 'p', 'pm'), at('8', 30, 'r', 'pm')], limits(1)),
    ).toEqual([
      'one person, two desks at once: 1/day and 9/pm on 2026-12-08',
      'A holds 3 people on 2026-12-08 pm',
    ]);
  });

  it('finds a person over the weekly limit of office days, and none when there is no limit', () => {
    const week = [at('1', 2, 'p', 'day'), at('1', 2, 'p', 'day', 'A', '2026-12-09')];
    expect(bookingViolations(week, limits(10, 1))).toEqual([
      'p 2026-W50: 2 office days over the weekly limit of 1',
    ]);
    expect(bookingViolations(week, limits(10, null))).toEqual([]);
  });
});
