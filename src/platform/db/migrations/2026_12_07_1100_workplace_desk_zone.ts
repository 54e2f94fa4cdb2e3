import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// A booking reads the desks of its zone (to count its capacity) rather than the whole floor's:
// on a floor of 1,000 desks that is a tenth of the rows (bench/desk-booking).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('workplace_desk_zone').on('workplace_desk').column('zone_id').execute();
}
