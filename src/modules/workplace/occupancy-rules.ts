import { slotsOverlap } from './booking-rules.js';
import { isoWeekName } from './calendar.js';
import type { Slot } from './contract.js';

// Occupancy figures (issue 13, point 7): per site, floor and zone, per day and per ISO week, the
// bookings, check-ins, no-shows, and the people present at once against the capacity.

export type OccupancyBooking = { date: string; slot: Slot; status: string; zoneId: string };
/** A zone with where it stands and how many people it takes at once under its site's rules. */
export type OccupancyZone = { id: string; floorId: string; siteId: string; capacity: number };

export type OccupancyLevel = 'site' | 'floor' | 'zone';
export type OccupancyFigure = {
  level: OccupancyLevel;
  id: string;
  /** A day `YYYY-MM-DD`, or an ISO week `YYYY-Www`. */
  period: string;
  /** Bookings not cancelled (booked, checked in, or released for not checking in). */
  bookings: number;
  checkIns: number;
  noShows: number;
  /** People holding a desk at once in the fuller half-day (a week: its fullest day). */
  peakPeople: number;
  capacity: number;
  /** Peak people over capacity (a week: the days' peaks over capacity × open days); null without capacity. */
  occupancy: number | null;
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const HALVES: Slot[] = ['am', 'pm'];

/**
 * The figures of every site, floor and zone for each of `days` (the open days of the period) and
 * each ISO week they fall in: days first in date order, then weeks, each level site → floor → zone.
 */
export function occupancyFigures(
  zones: readonly OccupancyZone[],
  bookings: readonly OccupancyBooking[],
  days: readonly string[],
): OccupancyFigure[] {
  const units = [
    ...[...new Set(zones.map((z) => z.siteId))].map((id) => ({
      level: 'site' as const,
      id,
      zones: zones.filter((z) => z.siteId === id),
    })),
    ...[...new Set(zones.map((z) => z.floorId))].map((id) => ({
      level: 'floor' as const,
      id,
      zones: zones.filter((z) => z.floorId === id),
    })),
    ...zones.map((z) => ({ level: 'zone' as const, id: z.id, zones: [z] })),
  ];
  const counted = bookings.filter((b) => b.status !== 'cancelled');
  const daily: OccupancyFigure[] = days.flatMap((day) =>
    units.map((unit) => {
      const zoneIds = new Set(unit.zones.map((z) => z.id));
      const ofDay = counted.filter((b) => b.date === day && zoneIds.has(b.zoneId));
      const present = ofDay.filter((b) => b.status === 'booked' || b.status === 'checked_in');
      const peakPeople = Math.max(
        0,
        ...HALVES.map((half) => present.filter((b) => slotsOverlap(b.slot, half)).length),
      );
      const capacity = unit.zones.reduce((sum, z) => sum + z.capacity, 0);
      return {
        level: unit.level,
        id: unit.id,
        period: day,
        bookings: ofDay.length,
        checkIns: ofDay.filter((b) => b.status === 'checked_in').length,
        noShows: ofDay.filter((b) => b.status === 'released').length,
        peakPeople,
        capacity,
        occupancy: capacity > 0 ? round3(peakPeople / capacity) : null,
      };
    }),
  );
  const weeks = [...new Set(days.map(isoWeekName))];
  const weekly: OccupancyFigure[] = weeks.flatMap((week) =>
    units.map((unit) => {
      const ofWeek = daily.filter(
        (f) => f.id === unit.id && f.level === unit.level && isoWeekName(f.period) === week,
      );
      const capacity = ofWeek[0]?.capacity ?? 0;
      const sum = (pick: (f: OccupancyFigure) => number) => ofWeek.reduce((total, f) => total + pick(f), 0);
      return {
        level: unit.level,
        id: unit.id,
        period: week,
        bookings: sum((f) => f.bookings),
        checkIns: sum((f) => f.checkIns),
        noShows: sum((f) => f.noShows),
        peakPeople: Math.max(0, ...ofWeek.map((f) => f.peakPeople)),
        capacity,
        occupancy: capacity > 0 ? round3(sum((f) => f.peakPeople) / (capacity * ofWeek.length)) : null,
      };
    }),
  );
  return [...daily, ...weekly];
}
