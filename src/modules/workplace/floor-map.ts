import {
  isBookable,
  nearestTooClose,
  peopleInZoneDuring,
  type RuleBooking,
  type RuleDesk,
  slotsOverlap,
  zoneCapacity,
} from './booking-rules.js';
import type { DeskState, SiteRules, Slot, ZoneCapacity } from './contract.js';

export type DeskStateOnMap = { state: DeskState; isMine: boolean };

/**
 * How each desk shows on the floor map for a slot: blocked, taken (by a booking whose slot
 * overlaps), too close (free, but within the site's distance of a taken desk: booking it would be
 * refused), or free. Uses the booking rules' own distance and overlap, so map and refusal agree.
 */
export function deskStates(
  desks: readonly RuleDesk[],
  bookings: readonly RuleBooking[],
  slot: Slot,
  rules: SiteRules,
  personId: string,
): Map<string, DeskStateOnMap> {
  const desksById = new Map(desks.map((desk) => [desk.id, desk]));
  const overlapping = bookings.filter((b) => slotsOverlap(b.slot, slot));
  const states = new Map<string, DeskStateOnMap>();
  for (const desk of desks) {
    const onDesk = overlapping.filter((b) => b.deskId === desk.id);
    const isMine = onDesk.some((b) => b.personId === personId);
    if (!isBookable(desk)) states.set(desk.id, { state: 'blocked', isMine });
    else if (onDesk.length > 0) states.set(desk.id, { state: 'taken', isMine });
    else if (nearestTooClose(desk, slot, overlapping, desksById, rules.minDistanceMetres))
      states.set(desk.id, { state: 'too_close', isMine: false });
    else states.set(desk.id, { state: 'free', isMine: false });
  }
  return states;
}

/**
 * Each zone's desks (not retired), capacity (its own first, then the site's) and people booked in
 * the fuller half of the slot.
 */
export function zoneOccupancy(
  zoneId: string,
  desks: readonly RuleDesk[],
  bookings: readonly RuleBooking[],
  slot: Slot,
  rules: SiteRules,
  ownCapacity: ZoneCapacity | null = null,
): { deskCount: number; capacity: number; booked: number } {
  const deskCount = desks.filter((d) => d.zoneId === zoneId && !d.isRetired).length;
  const desksById = new Map(desks.map((desk) => [desk.id, desk]));
  return {
    deskCount,
    capacity: zoneCapacity(deskCount, rules, ownCapacity),
    booked: peopleInZoneDuring(zoneId, slot, bookings, desksById),
  };
}
