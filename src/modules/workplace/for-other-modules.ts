import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit.js';
import { toBookings } from './booking-view.js';
import { bookDesk, cancelBooking } from './bookings.js';
import type { Booking, Slot } from './contract.js';
import {
  type Db,
  hasActiveBookingOn,
  listActiveBookingsOfPerson,
  listBlockedDesks,
  listDesksOfFloors,
  listFloorsOfSites,
  listSites,
} from './repository.js';

/** Whether a person has a desk on a day (telework's presence plan). */
export const hasBookingOn = (db: Kysely<any>, personId: string, day: string): Promise<boolean> =>
  hasActiveBookingOn(db as Db, personId, day);

/**
 * Books a desk on a person's behalf under every rule (telework's "office day → book a desk" in
 * one step); a refusal is the same 409 AppError the API answers.
 */
export const bookDeskFor = (
  db: Kysely<any>,
  actor: AuditActor,
  personId: string,
  booking: { desk: string; date: string; slot: Slot },
  today: string,
): Promise<Booking> => bookDesk(db as Db, actor, { id: personId, roles: [] }, booking, today);

/** The blocked desks with their reason (equipment recovers what stands on them). */
export async function blockedDesks(db: Kysely<any>): Promise<{ desk: string; reason: string | null }[]> {
  return (await listBlockedDesks(db as Db)).map((row) => ({ desk: row.id, reason: row.blocked_reason }));
}

/** A person's active bookings (booked or checked in) between two days, inclusive: the desks of their week. */
export async function activeBookingsOf(
  db: Kysely<any>,
  personId: string,
  from: string,
  to: string,
): Promise<Booking[]> {
  return toBookings(db as Db, await listActiveBookingsOfPerson(db as Db, personId, from, to));
}

/**
 * Cancels one of a person's bookings on their behalf (telework's plan turns an office day into
 * telework); refused like the API's own cancelling when it is not theirs or no longer active.
 */
export const cancelBookingFor = (
  db: Kysely<any>,
  actor: AuditActor,
  personId: string,
  bookingId: string,
): Promise<Booking> => cancelBooking(db as Db, actor, { id: personId, roles: [] }, bookingId);

/**
 * Each site with the desks still in its plan, in plan order (equipment keeps a stock room per site
 * and registers units on desks; its demo fits out the demo building).
 */
export async function sitesWithDesks(
  db: Kysely<any>,
): Promise<{ site: string; name: string; desks: string[] }[]> {
  const sites = await listSites(db as Db);
  const floors = await listFloorsOfSites(
    db as Db,
    sites.map((s) => s.id),
  );
  const desks = await listDesksOfFloors(
    db as Db,
    floors.map((f) => f.id),
  );
  const siteOfFloor = new Map(floors.map((f) => [f.id, f.site_id]));
  return sites.map((s) => ({
    site: s.id,
    name: s.name,
    desks: desks.filter((d) => d.is_retired === 0 && siteOfFloor.get(d.floor_id) === s.id).map((d) => d.id),
  }));
}
