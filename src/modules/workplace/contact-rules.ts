import { slotsOverlap } from './booking-rules.js';
import type { Slot } from './contract.js';
import { distanceMetres } from './plan-geometry.js';

// The contact report's rule (issue 13, point 6): after a positive test, who sat near the person.

export type ContactDesk = { id: string; floorId: string; zoneId: string; x: number; y: number };
export type ContactBooking = { personId: string; deskId: string; date: string; slot: Slot };

/** One contact: another person, on one day, with where both sat and how far apart. */
export type Contact = {
  personId: string;
  date: string;
  slot: Slot;
  desk: string;
  floor: string;
  zone: string;
  /** The person's own desk that day. */
  nearDesk: string;
  distanceMetres: number;
  isSameZone: boolean;
};

/**
 * The people booked on the same floor as `personId`, on the same days and in overlapping slots, at
 * `withinMetres` or less from the person's desk, or anywhere in the same zone. One line per other
 * person and day (the closest encounter of the day), by date, then distance.
 */
export function findContacts(
  personId: string,
  bookings: readonly ContactBooking[],
  desksById: ReadonlyMap<string, ContactDesk>,
  withinMetres: number,
): Contact[] {
  const own = bookings.filter((b) => b.personId === personId);
  const closest = new Map<string, Contact>();
  for (const mine of own) {
    const myDesk = desksById.get(mine.deskId);
    if (!myDesk) continue;
    for (const other of bookings) {
      if (other.personId === personId || other.date !== mine.date || !slotsOverlap(other.slot, mine.slot))
        continue;
      const desk = desksById.get(other.deskId);
      if (!desk || desk.floorId !== myDesk.floorId) continue;
      const distance = Math.round(distanceMetres(myDesk, desk) * 100) / 100;
      const isSameZone = desk.zoneId === myDesk.zoneId;
      if (distance > withinMetres && !isSameZone) continue;
      const key = `${other.personId} ${other.date}`;
      const known = closest.get(key);
      if (known && known.distanceMetres <= distance) continue;
      closest.set(key, {
        personId: other.personId,
        date: other.date,
        slot: other.slot,
        desk: desk.id,
        floor: desk.floorId,
        zone: desk.zoneId,
        nearDesk: myDesk.id,
        distanceMetres: distance,
        isSameZone,
      });
    }
  }
  return [...closest.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.distanceMetres - b.distanceMetres ||
      a.personId.localeCompare(b.personId),
  );
}
