import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// The booking rules read the bookings of a floor's day and of a person's week that hold their desk
// (status booked or checked in). Indexed on floor and day only, every booking ever cancelled on
// that day was read and dropped: on a crowded floor where people cancel and book again, most of
// the rows (bench/desk-booking). With the status in the index only the active ones are read. The
// new indexes start with the old ones' columns, so every other query keeps its index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('workplace_booking_floor_day_status')
    .on('workplace_booking')
    .columns(['floor_id', 'booked_on', 'status'])
    .execute();
  await db.schema.dropIndex('workplace_booking_floor_day').execute();
  await db.schema
    .createIndex('workplace_booking_person_day_status')
    .on('workplace_booking')
    .columns(['person_id', 'booked_on', 'status'])
    .execute();
  await db.schema.dropIndex('workplace_booking_person_day').execute();
}
