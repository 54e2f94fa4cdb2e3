import type { Booking, DeskOnMap, ZoneOccupancy } from '../../../../src/modules/workplace/contract.js';
import { deskLook, isBookableLook } from './desk-looks.js';
import { zoneCentre } from './plan-frame.js';

/**
 * The zone of this floor where the reader sat most often (cancelled bookings do not count; a tie
 * goes to the latest). Null when they never sat on this floor. The wire lists only the reader's
 * own bookings, so "usual" is theirs: a team's habits would need a route of their own.
 */
export function usualZone(bookings: readonly Booking[], floorId: string): string | null {
  const counts = new Map<string, { count: number; last: string }>();
  for (const booking of bookings) {
    if (booking.floor !== floorId || booking.status === 'cancelled') continue;
    const before = counts.get(booking.zone) ?? { count: 0, last: '' };
    // ISO days compare as text; Math.max would turn them into NaN.
    const isLater = booking.date > before.last;
    counts.set(booking.zone, { count: before.count + 1, last: isLater ? booking.date : before.last });
  }
  let best: { zone: string; count: number; last: string } | null = null;
  for (const [zone, { count, last }] of counts)
    if (!best || count > best.count || (count === best.count && last > best.last))
      best = { zone, count, last };
  return best?.zone ?? null;
}

/**
 * "Suggest a desk": a free desk in a zone with room left, the nearest to the middle of the usual
 * zone; without a usual zone, the nearest to the middle of the zone with most room (people
 * spread out). Undefined when no free desk would be accepted.
 */
export function suggestDesk(
  desks: readonly DeskOnMap[],
  zones: readonly ZoneOccupancy[],
  usualZoneId: string | null,
): DeskOnMap | undefined {
  const zonesWithRoom = zones.filter((zone) => zone.booked < zone.capacity);
  const roomy = new Set(zonesWithRoom.map((zone) => zone.id));
  const candidates = desks.filter((desk) => isBookableLook(deskLook(desk)) && roomy.has(desk.zone));
  const anchorZone =
    zones.find((zone) => zone.id === usualZoneId) ??
    [...zonesWithRoom].sort((a, b) => b.capacity - b.booked - (a.capacity - a.booked))[0];
  if (!anchorZone) return undefined;
  const anchor = zoneCentre(anchorZone.polygon);
  let best: { desk: DeskOnMap; distance: number } | undefined;
  for (const desk of candidates) {
    const distance = Math.hypot(desk.x - anchor.x, desk.y - anchor.y);
    if (!best || distance < best.distance) best = { desk, distance };
  }
  return best?.desk;
}
