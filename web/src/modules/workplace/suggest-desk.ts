import type { DeskOnMap, ZoneOccupancy } from '../../../../src/modules/workplace/contract.js';
import { deskLook, isBookableLook } from './desk-looks.js';
import { zoneCentre } from './plan-frame.js';

/**
 * "Suggest a desk": a free desk in a zone with room left, the nearest to the middle of the team's
 * usual zone (the server reads it from the team's bookings); without one, the nearest to the middle of the zone with most room (people
 * spread out). Undefined when no free desk would be accepted.
 */
export function suggestDesk(
  desks: readonly DeskOnMap[],
  zones: readonly ZoneOccupancy[],
  teamZoneId: string | null,
): DeskOnMap | undefined {
  const zonesWithRoom = zones.filter((zone) => zone.booked < zone.capacity);
  const roomy = new Set(zonesWithRoom.map((zone) => zone.id));
  const candidates = desks.filter((desk) => isBookableLook(deskLook(desk)) && roomy.has(desk.zone));
  const anchorZone =
    zones.find((zone) => zone.id === teamZoneId) ??
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

/** Which message explains a suggestion: in the team's zone, as near to it as room allows, or the roomiest. */
export function suggestionMessage(
  desk: DeskOnMap,
  teamZoneId: string | null,
): 'suggested_team' | 'suggested_near_team' | 'suggested' {
  if (teamZoneId === null) return 'suggested';
  return desk.zone === teamZoneId ? 'suggested_team' : 'suggested_near_team';
}
