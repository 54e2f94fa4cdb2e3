import { slotsOverlap } from './booking-rules.js';
import { isoWeekName } from './calendar.js';
import type { Slot } from './contract.js';
import { distanceMetres } from './plan-geometry.js';

// What the booking rules promise of the bookings stored, checked afterwards on the whole set: the
// concurrency test and bench/desk-booking run it on what many bookers at once left behind.

/** A stored booking that holds its desk, with its desk's position and zone. */
export type StoredBooking = {
  desk_id: string;
  person_id: string;
  booked_on: string;
  slot: string;
  x: number;
  y: number;
  zone_id: string;
};

export type InvariantLimits = {
  minDistanceMetres: number;
  /** People a zone may hold at once. */
  zoneCapacity: (zoneId: string) => number;
  /** Office days per person and ISO week; null for no limit. */
  weeklyOfficeDaysMax: number | null;
};

/** Every rule broken by a set of stored bookings, one line each (none: the rules held). */
export function bookingViolations(stored: readonly StoredBooking[], limits: InvariantLimits): string[] {
  const found: string[] = [];
  // Pairs meet only on the same day: group first, so a large set is not compared with itself whole.
  const byDay = new Map<string, StoredBooking[]>();
  for (const s of stored) byDay.set(s.booked_on, [...(byDay.get(s.booked_on) ?? []), s]);
  for (const [day, ofDay] of byDay) {
    for (const [i, a] of ofDay.entries()) {
      for (const b of ofDay.slice(i + 1)) {
        if (!slotsOverlap(a.slot as Slot, b.slot as Slot)) continue;
        const pair = `${a.desk_id}/${a.slot} and ${b.desk_id}/${b.slot} on ${day}`;
        if (a.desk_id === b.desk_id) found.push(`desk booked twice: ${pair}`);
        else if (distanceMetres(a, b) < limits.minDistanceMetres - 1e-6)
          found.push(`closer than ${limits.minDistanceMetres} m: ${pair}`);
        if (a.person_id === b.person_id) found.push(`one person, two desks at once: ${pair}`);
      }
    }
    for (const zone of new Set(ofDay.map((s) => s.zone_id)))
      for (const half of ['am', 'pm'] as Slot[]) {
        const people = ofDay.filter((s) => s.zone_id === zone && slotsOverlap(s.slot as Slot, half)).length;
        if (people > limits.zoneCapacity(zone))
          found.push(`${zone} holds ${people} people on ${day} ${half}`);
      }
  }
  if (limits.weeklyOfficeDaysMax !== null) {
    const daysPerPersonWeek = new Map<string, Set<string>>();
    for (const s of stored) {
      const key = `${s.person_id} ${isoWeekName(s.booked_on)}`;
      daysPerPersonWeek.set(key, (daysPerPersonWeek.get(key) ?? new Set()).add(s.booked_on));
    }
    for (const [key, days] of daysPerPersonWeek)
      if (days.size > limits.weeklyOfficeDaysMax)
        found.push(`${key}: ${days.size} office days over the weekly limit of ${limits.weeklyOfficeDaysMax}`);
  }
  return found;
}
