import { describe, expect, it } from 'vitest';
import type { Slot } from './contract.js';
import { occupancyFigures } from './occupancy-rules.js';

const zones = [
  { id: 'A', floorId: 'F3', siteId: 'S', capacity: 2 },
  { id: 'B', floorId: 'F3', siteId: 'S', capacity: 3 },
  { id: 'G', floorId: 'F4', siteId: 'S', capacity: 0 },
];
const b = (zoneId: string, date: string, slot: Slot, status = 'booked') => ({ zoneId, date, slot, status });
// Tuesday 8 and Wednesday 9 December 2026, ISO week 2026-W50.
const [tue, wed] = ['2026-12-08', '2026-12-09'];

describe('occupancyFigures', () => {
  const figures = occupancyFigures(
    zones,
    [
      b('A', tue, 'am', 'checked_in'),
      b('A', tue, 'pm'),
      b('A', tue, 'day', 'released'),
      b('B', tue, 'day', 'checked_in'),
      b('B', tue, 'am', 'cancelled'),
      b('A', wed, 'day'),
      b('A', wed, 'day'),
    ],
    [tue, wed],
  );
  const find = (level: string, id: string, period: string) =>
    figures.find((f) => f.level === level && f.id === id && f.period === period);

  it('counts bookings, check-ins and no-shows per zone and day; a cancelled booking not at all', () => {
    expect(find('zone', 'A', tue)).toEqual({
      level: 'zone',
      id: 'A',
      period: tue,
      bookings: 3,
      checkIns: 1,
      noShows: 1,
      // am and pm each hold one person: the released day booking freed its desk.
      peakPeople: 1,
      capacity: 2,
      occupancy: 0.5,
    });
    expect(find('zone', 'B', tue)).toMatchObject({
      bookings: 1,
      checkIns: 1,
      peakPeople: 1,
      occupancy: 0.333,
    });
  });

  it('adds zones up to floors and sites, and gives no occupancy without capacity', () => {
    expect(find('floor', 'F3', tue)).toMatchObject({
      bookings: 4,
      peakPeople: 2,
      capacity: 5,
      occupancy: 0.4,
    });
    expect(find('floor', 'F4', tue)).toMatchObject({
      bookings: 0,
      peakPeople: 0,
      capacity: 0,
      occupancy: null,
    });
    expect(find('site', 'S', wed)).toMatchObject({ bookings: 2, peakPeople: 2, capacity: 5, occupancy: 0.4 });
  });

  it('sums a week over its open days, and its occupancy is the days’ peaks over capacity × days', () => {
    expect(find('zone', 'A', '2026-W50')).toMatchObject({
      bookings: 5,
      checkIns: 1,
      noShows: 1,
      peakPeople: 2,
      capacity: 2,
      occupancy: 0.75,
    });
    expect(figures.filter((f) => f.period === '2026-W50')).toHaveLength(6);
  });
});
