import { addDays } from './calendar.js';

/** How far back "usual" looks: long enough to span a rotation of teams, short enough to follow moves. */
export const TEAM_ZONE_WEEKS = 8;

/** The days a team's habits are read from: the weeks before `date`, the day itself excluded. */
export const teamZonePeriod = (date: string): { from: string; to: string } => ({
  from: addDays(date, -7 * TEAM_ZONE_WEEKS),
  to: addDays(date, -1),
});

export type ZoneCount = { zone: string; bookings: number; lastDay: string };

/**
 * The zone where a team sat most often (a tie goes to the zone used most recently, then to the
 * smaller id so that the answer never depends on the order rows came in). Null without bookings.
 * Only zones still on the floor count: a retired zone cannot anchor a suggestion.
 */
export function usualZone(counts: readonly ZoneCount[], zonesOnFloor: ReadonlySet<string>): string | null {
  let best: ZoneCount | null = null;
  for (const count of counts) {
    if (!zonesOnFloor.has(count.zone) || count.bookings <= 0) continue;
    if (
      !best ||
      count.bookings > best.bookings ||
      (count.bookings === best.bookings &&
        (count.lastDay > best.lastDay || (count.lastDay === best.lastDay && count.zone < best.zone)))
    )
      best = count;
  }
  return best?.zone ?? null;
}
