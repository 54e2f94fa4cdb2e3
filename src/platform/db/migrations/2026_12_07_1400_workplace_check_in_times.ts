import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// The time by which a site's morning (and whole-day) and afternoon bookings must be checked in,
// `HH:MM` in Brussels time; null keeps the defaults of 2020 (10:00 and 14:00).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workplace_site_rules').addColumn('check_in_am', 'text').execute();
  await db.schema.alterTable('workplace_site_rules').addColumn('check_in_pm', 'text').execute();
}
