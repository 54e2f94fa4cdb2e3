import type { Kysely } from 'kysely';

// Frozen: never edit once merged.
// Desk booking (issue 13): sites, floors, zones and desks from a plan file, each site's booking
// rules, bookings, and the lock rows bookings take per floor and day and per person and week.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workplace_site')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('workplace_site_rules')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('workplace_site.id'))
    .addColumn('min_distance_metres', 'double precision', (c) => c.notNull())
    .addColumn('zone_capacity_kind', 'text')
    .addColumn('zone_capacity_value', 'integer')
    .addColumn('horizon_days', 'integer', (c) => c.notNull())
    .addColumn('is_whole_days_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weekly_office_days_max', 'integer')
    .addColumn('closing_days', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('team_rotation', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('workplace_floor')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('workplace_site.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('is_retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workplace_floor_site').on('workplace_floor').column('site_id').execute();

  await db.schema
    .createTable('workplace_zone')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('floor_id', 'text', (c) => c.notNull().references('workplace_floor.id'))
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('polygon', 'text', (c) => c.notNull())
    .addColumn('is_retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workplace_zone_floor').on('workplace_zone').column('floor_id').execute();

  await db.schema
    .createTable('workplace_desk')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull().references('workplace_zone.id'))
    .addColumn('floor_id', 'text', (c) => c.notNull().references('workplace_floor.id'))
    .addColumn('x', 'double precision', (c) => c.notNull())
    .addColumn('y', 'double precision', (c) => c.notNull())
    .addColumn('features', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked_reason', 'text')
    .addColumn('is_retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workplace_desk_floor').on('workplace_desk').column('floor_id').execute();

  await db.schema
    .createTable('workplace_booking')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('desk_id', 'text', (c) => c.notNull().references('workplace_desk.id'))
    .addColumn('floor_id', 'text', (c) => c.notNull().references('workplace_floor.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('released_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('workplace_booking_floor_day')
    .on('workplace_booking')
    .columns(['floor_id', 'booked_on'])
    .execute();
  await db.schema
    .createIndex('workplace_booking_person_day')
    .on('workplace_booking')
    .columns(['person_id', 'booked_on'])
    .execute();

  await db.schema
    .createTable('workplace_booking_lock')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
