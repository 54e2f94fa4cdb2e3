import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// The weekly presence plan (issue 14, point 2): where each person works each half day they planned
// (office, telework, leave, mission), with the desk booking the plan made for an office day. Half
// days, because agreements and desk bookings are counted in half days. A day not planned has no
// row: the week is then pre-filled from the agreement and the crisis measures when read.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telework_presence')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('desk_booking_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('telework_presence_pk', ['person_id', 'day', 'part'])
    .execute();
  // The team view and the live figures read one day (or week) for many people.
  await db.schema
    .createIndex('telework_presence_day')
    .on('telework_presence')
    .columns(['day', 'place'])
    .execute();
}
