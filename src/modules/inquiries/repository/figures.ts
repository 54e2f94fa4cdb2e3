import { sql } from 'kysely';
import type { Db } from './db.js';

/** How many inquiries came in, in one hour (UTC), of one kind. */
export type HourCount = {
  hour: string;
  origin: string;
  channel: string;
  status: string;
  language: string;
  team_id: string | null;
  count: number | string | bigint;
};

/**
 * Inquiries created from `start` (included) to `end` (excluded), counted by UTC hour, origin,
 * channel, status, language and team: the same on SQLite and PostgreSQL.
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
      'team_id',
      eb.fn.countAll().as('count'),
    ])
    .where('created_at', '>=', start)
    .where('created_at', '<', end)
    .groupBy([hour, 'origin', 'channel', 'status', 'language', 'team_id'])
    .execute()) as HourCount[];
}
