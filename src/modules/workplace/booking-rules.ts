import { addDays, isoWeekName, isoWeekOf, type SiteCalendar } from './calendar.js';
import type { RefusalCode, SiteRules, Slot, ZoneCapacity } from './contract.js';
import { distanceMetres } from './plan-geometry.js';

// The booking rules of a site, in one pure function: the same answer for the booking API, the
// recurring bookings, the floor map's "too close" desks and the checks a rule change runs on
// existing bookings. The caller loads what it needs inside the transaction that then writes.

export type CandidateBooking = { deskId: string; personId: string; date: string; slot: Slot };

export type RuleDesk = {
  id: string;
  zoneId: string;
  x: number;
  y: number;
  isBlocked: boolean;
  isRetired: boolean;
};

/** A booking that holds its desk (booked or checked in). */
export type RuleBooking = { deskId: string; personId: string; date: string; slot: Slot };

export type BookingContext = {
  /** Today in Brussels. */
  today: string;
  rules: SiteRules;
  /**
   * Desks of the candidate desk's floor, retired ones included: at least the candidate, those of
   * its zone (unless zoneDeskCount counts them) and those the floor's bookings hold (every desk of
   * the floor will do).
   */
  floorDesks: readonly RuleDesk[];
  /**
   * The desks of the candidate's zone still in the plan (not retired), when the caller counted
   * them instead of listing them in floorDesks: a booking then reads one number, not the zone.
   */
  zoneDeskCount?: number;
  /**
   * The floor's bookings of the candidate's date: at least those of its zone and those within the
   * site's distance of it (every booking of the floor that day will do).
   */
  floorBookings: readonly RuleBooking[];
  /** The person's bookings in the ISO week of the candidate's date, on every site. */
  personWeek: readonly RuleBooking[];
  /** The person's team (organisation unit code), for the rotation of teams; null if none. */
  personTeam: string | null;
  calendar: SiteCalendar;
  /** The zones of the floor that have a capacity of their own (it overrides the site's). */
  zoneCapacities: ReadonlyMap<string, ZoneCapacity>;
};

export type RuleVerdict =
  | { ok: true }
  | { ok: false; code: RefusalCode; details: Record<string, string | number | null> };

// A plan is drawn to the centimetre: a desk exactly at the minimum distance is far enough.
const DISTANCE_TOLERANCE_METRES = 1e-6;

/** Whether two slots of the same day share a half: a `day` overlaps both `am` and `pm`. */
export const slotsOverlap = (a: Slot, b: Slot): boolean => a === b || a === 'day' || b === 'day';

/** A site that books whole days only offers no `am` or `pm` (desks are cleaned overnight). */
export const isSlotOffered = (slot: Slot, rules: SiteRules): boolean =>
  !rules.isWholeDaysOnly || slot === 'day';

export const isBookable = (desk: RuleDesk): boolean => !desk.isBlocked && !desk.isRetired;

/**
 * How many people a zone takes at once: its desks, or a number or percentage of them, the zone's
 * own capacity first, then the site's. Never more than its desks.
 */
export function zoneCapacity(
  deskCount: number,
  rules: SiteRules,
  ownCapacity: ZoneCapacity | null = null,
): number {
  const capacity = ownCapacity ?? rules.zoneCapacity;
  if (!capacity) return deskCount;
  if ('people' in capacity) return Math.min(capacity.people, deskCount);
  return Math.floor((deskCount * capacity.percent) / 100);
}

/** The booked desk nearest to `desk` closer than the site's distance, or undefined. */
export function nearestTooClose(
  desk: RuleDesk,
  slot: Slot,
  bookings: readonly RuleBooking[],
  desksById: ReadonlyMap<string, RuleDesk>,
  minDistanceMetres: number,
): { desk: RuleDesk; distance: number } | undefined {
  if (minDistanceMetres <= 0) return undefined;
  let nearest: { desk: RuleDesk; distance: number } | undefined;
  for (const booking of bookings) {
    if (booking.deskId === desk.id || !slotsOverlap(booking.slot, slot)) continue;
    const other = desksById.get(booking.deskId);
    if (!other) continue;
    const distance = distanceMetres(desk, other);
    if (distance < minDistanceMetres - DISTANCE_TOLERANCE_METRES && (!nearest || distance < nearest.distance))
      nearest = { desk: other, distance };
  }
  return nearest;
}

/** People booked on a zone's desks during each half of `slot`: the fuller half counts. */
export function peopleInZoneDuring(
  zoneId: string,
  slot: Slot,
  bookings: readonly RuleBooking[],
  desksById: ReadonlyMap<string, RuleDesk>,
): number {
  const halves: Slot[] = slot === 'day' ? ['am', 'pm'] : [slot];
  const inZone = bookings.filter((b) => desksById.get(b.deskId)?.zoneId === zoneId);
  return Math.max(...halves.map((half) => inZone.filter((b) => slotsOverlap(b.slot, half)).length));
}

function teamWeekRefusal(candidate: CandidateBooking, context: BookingContext): RuleVerdict | undefined {
  const rotation = context.rules.teamRotation;
  if (!rotation || !context.personTeam) return undefined;
  const isOddWeek = isoWeekOf(candidate.date).week % 2 === 1;
  const team = context.personTeam;
  const isBarred = isOddWeek ? rotation.evenWeeks.includes(team) : rotation.oddWeeks.includes(team);
  if (!isBarred) return undefined;
  return {
    ok: false,
    code: 'not_your_team_week',
    details: { week: isoWeekName(candidate.date), team, teamWeeks: isOddWeek ? 'even' : 'odd' },
  };
}

/**
 * Whether a person may book a desk for a date and slot, or the first rule it breaks, with what the
 * person needs to choose again (the nearby desk and its distance, the zone and its capacity…).
 * Rules in order: the desk, the day, the horizon, the team's week, the person's own bookings, then
 * the floor (desk taken, zone full, distance).
 */
export function checkBooking(candidate: CandidateBooking, context: BookingContext): RuleVerdict {
  const { rules } = context;
  const desksById = new Map(context.floorDesks.map((desk) => [desk.id, desk]));
  const desk = desksById.get(candidate.deskId);
  if (!desk || !isBookable(desk))
    return { ok: false, code: 'desk_blocked', details: { desk: candidate.deskId } };

  const closedReason = context.calendar.closedReasonOn(candidate.date);
  if (closedReason) return { ok: false, code: 'closed_day', details: { date: candidate.date, closedReason } };

  const lastDay = addDays(context.today, rules.horizonDays);
  if (candidate.date < context.today || candidate.date > lastDay)
    return { ok: false, code: 'outside_horizon', details: { horizonDays: rules.horizonDays, lastDay } };

  const teamRefusal = teamWeekRefusal(candidate, context);
  if (teamRefusal) return teamRefusal;

  const own = context.personWeek.filter((b) => b.personId === candidate.personId);
  const clash = own.find((b) => b.date === candidate.date && slotsOverlap(b.slot, candidate.slot));
  if (clash)
    return {
      ok: false,
      code: 'person_already_booked',
      details: { bookedDesk: clash.deskId, bookedSlot: clash.slot },
    };

  const officeDays = new Set(own.map((b) => b.date));
  if (
    rules.weeklyOfficeDaysMax !== null &&
    !officeDays.has(candidate.date) &&
    officeDays.size >= rules.weeklyOfficeDaysMax
  )
    return {
      ok: false,
      code: 'weekly_limit',
      details: { max: rules.weeklyOfficeDaysMax, count: officeDays.size, week: isoWeekName(candidate.date) },
    };

  const sameDay = context.floorBookings.filter((b) => b.date === candidate.date);
  if (sameDay.some((b) => b.deskId === desk.id && slotsOverlap(b.slot, candidate.slot)))
    return { ok: false, code: 'desk_taken', details: { desk: desk.id } };

  const zoneDesks =
    context.zoneDeskCount ??
    context.floorDesks.filter((d) => d.zoneId === desk.zoneId && !d.isRetired).length;
  const capacity = zoneCapacity(zoneDesks, rules, context.zoneCapacities.get(desk.zoneId) ?? null);
  const booked = peopleInZoneDuring(desk.zoneId, candidate.slot, sameDay, desksById);
  if (booked >= capacity)
    return { ok: false, code: 'zone_full', details: { zone: desk.zoneId, booked, capacity } };

  const near = nearestTooClose(desk, candidate.slot, sameDay, desksById, rules.minDistanceMetres);
  if (near)
    return {
      ok: false,
      code: 'too_close',
      details: {
        nearDesk: near.desk.id,
        distanceMetres: Math.round(near.distance * 100) / 100,
        minDistanceMetres: rules.minDistanceMetres,
      },
    };
  return { ok: true };
}
