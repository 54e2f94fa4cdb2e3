import { sql } from 'kysely';
import type { Db } from './db.js';

/** How many inquiries came in, in one hour (UTC), of one kind. */
export type HourCount = {
  hour: string;
  origin: string;
  channel: string;
  status: string;
  language: string;
  theme: string | null;
  team_id: string | null;
  count: number | string | bigint;
};

/**
 * Inquiries created from `start` (included) to `end` (excluded), counted by UTC hour, origin,
 * channel, status, language, theme and team: the same on SQLite and PostgreSQL.
 */
export async function countInquiriesByHour(db: Db, start: string, end: string): Promise<HourCount[]> {
  // created_at is an ISO instant in UTC: its first 13 characters are its hour.
  const hour = sql<string>`substr(created_at, 1, 13)`;
  return (await db
    .selectFrom('inquiry')
    .select((eb) => [
      hour.as('hour'),
      'origin',
      'channel',
      'status',
      'language',
      'theme',
      'team_id',
      eb.fn.countAll().as('count'),
    ])
    .where('kind', '=', 'citizen')
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy([hour, 'origin', 'channel', 'status', 'language', 'theme', 'team_id'])
    .execute()) as HourCount[];
}

/** When each inquiry created from `start` (included) to `end` (excluded) was answered and closed. */
export const listInquiryTimes = (db: Db, start: string, end: string) =>
  db
    .selectFrom('inquiry')
    .select(['id', 'team_id', 'created_at', 'first_answered_at', 'closed_at'])
    .where('kind', '=', 'citizen')
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .execute();

/**
 * The status changes of the inquiries created from `start` to `end` that a team holds, oldest
 * first: a join, not a list of ids, so a year of a crisis stays one query on both databases.
 */
export const listHeldStatusChanges = (db: Db, start: string, end: string) =>
  db
    .selectFrom('inquiry_status_change as c')
    .innerJoin('inquiry as i', 'i.id', 'c.inquiry_id')
    .select(['c.inquiry_id', 'c.to_status', 'c.at'])
    .where('i.kind', '=', 'citizen')
    .where('i.created_at', '>=', start)
    .where('i.created_at', '<', end)
    .where('i.team_id', 'is not', null)
    .orderBy('c.inquiry_id')
    .orderBy('c.at')
    .orderBy('c.id')
    .execute();

/**
 * The callbacks asked for the inquiries created from `start` to `end`, counted by status, with the
 * pending ones already due at `now` counted apart.
 */
export async function countCallbacks(db: Db, start: string, end: string, now: string) {
  const overdue = sql<number>`sum(case when c.status = 'pending' and c.due_at < ${now} then 1 else 0 end)`;
  return db
    .selectFrom('inquiry_callback as c')
    .innerJoin('inquiry as i', 'i.id', 'c.inquiry_id')
    .select((eb) => ['c.status', eb.fn.countAll().as('count'), overdue.as('overdue')])
    .where('i.kind', '=', 'citizen')
    .where('i.created_at', '>=', start)
    .where('i.created_at', '<', end)
    .groupBy('c.status')
    .execute();
}
