import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// A zone's own capacity, set by facility managers: `people` or `percent` with the number. It
// overrides the site's rule; null (every zone so far) leaves the site's rule in force.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workplace_zone').addColumn('capacity_kind', 'text').execute();
  await db.schema.alterTable('workplace_zone').addColumn('capacity_value', 'integer').execute();
}
