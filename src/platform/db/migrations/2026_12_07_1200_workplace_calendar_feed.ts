import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// A person's private iCalendar feed of their desk bookings: only the SHA-256 hash of its secret
// token is kept (the URL is the credential), one per person, replaced or revoked by them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workplace_calendar_feed')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
