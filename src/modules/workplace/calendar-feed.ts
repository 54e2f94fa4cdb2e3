import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { IdentitySource } from '../../platform/auth/identity.js';
import { hashSecret, isSameSecret, newSecret } from '../../platform/auth/secrets.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { translate } from '../../platform/i18n/i18n.js';
import { addDays } from './calendar.js';
import type { CalendarFeed, Slot } from './contract.js';
import { bookingsCalendar } from './ical.js';
import {
  type Db,
  deleteCalendarFeed,
  findCalendarFeed,
  findFloor,
  listBookingsOfPerson,
  saveCalendarFeed,
} from './repository.js';

/** How far back a feed reaches: a calendar keeps last month's office days; ahead, a year covers any horizon. */
const FEED_DAYS_BACK = 31;
const FEED_DAYS_AHEAD = 366;

/** The path a feed is served at, under the server's public URL. */
export const calendarFeedPath = (token: string): string => `/api/v1/workplace/calendar/${token}.ics`;

/** Gives the person a new secret feed URL, revoking the one they had. Audited (without the token). */
export async function createCalendarFeed(
  db: Db,
  actor: AuditActor,
  personId: string,
  publicUrl: string,
): Promise<CalendarFeed> {
  const token = newSecret();
  await withTransaction(db, async (trx) => {
    await saveCalendarFeed(trx, {
      person_id: personId,
      token_hash: hashSecret(token),
      created_at: nowInstant(),
    });
    await writeAudit(trx, actor, {
      action: 'workplace.calendar_feed_created',
      objectType: 'person',
      objectId: personId,
      summary: {},
    });
  });
  return { url: `${publicUrl}${calendarFeedPath(token)}` };
}

/** Revokes the person's feed: its URL answers 404 from now on. */
export async function revokeCalendarFeed(db: Db, actor: AuditActor, personId: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    if (!(await deleteCalendarFeed(trx, personId))) throw notFound('workplace.calendar_feed_not_found', {});
    await writeAudit(trx, actor, {
      action: 'workplace.calendar_feed_revoked',
      objectType: 'person',
      objectId: personId,
      summary: {},
    });
  });
}

/**
 * The iCalendar document of the feed a token opens, or undefined for an unknown token. The token
 * is looked up by its hash, and the stored hash compared again in constant time.
 */
export async function calendarOfToken(
  db: Db,
  identities: IdentitySource,
  token: string,
  today: string,
): Promise<string | undefined> {
  const hash = hashSecret(token);
  const feed = await findCalendarFeed(db, hash);
  if (!feed || !isSameSecret(hash, feed.token_hash)) return undefined;
  const person = await identities.findById(db, feed.person_id);
  if (!person) return undefined;
  const language = person.language;
  const rows = await listBookingsOfPerson(
    db,
    feed.person_id,
    addDays(today, -FEED_DAYS_BACK),
    addDays(today, FEED_DAYS_AHEAD),
  );
  const floorNames = new Map<string, string>();
  for (const row of rows)
    if (!floorNames.has(row.floor_id)) {
      const floor = await findFloor(db, row.floor_id);
      floorNames.set(row.floor_id, floor ? floor[`name_${language}`] : row.floor_id);
    }
  return bookingsCalendar(
    translate(language, 'workplace.calendar.name'),
    rows.map((row) => ({
      uid: `${row.id}@relais.workplace`,
      stamp: row.updated_at,
      date: row.booked_on,
      slot: row.slot as Slot,
      summary: translate(language, 'workplace.calendar.summary', {
        desk: row.desk_id,
        floor: floorNames.get(row.floor_id),
      }),
      isCancelled: row.status === 'cancelled' || row.status === 'released',
    })),
  );
}
