import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect.js';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import { advisoryLockKey } from './booking-locks.js';
import type {
  BookingRow,
  CalendarFeedRow,
  DeskRow,
  FloorRow,
  SiteRow,
  SiteRulesRow,
  WorkplaceTables,
  ZoneRow,
} from './tables.js';

// The only file of the module that speaks SQL. Connection first; rows come back as stored (0/1,
// JSON text): the callers turn them into the contract's shapes.

export type Db = Kysely<WorkplaceTables>;

/** Bookings that hold a desk: a released or cancelled one frees it. */
export const ACTIVE_STATUSES = ['booked', 'checked_in'] as const;

// ---- Sites, floors, zones, desks ---------------------------------------------------------------

export const findSite = (db: Db, id: string): Promise<SiteRow | undefined> =>
  db.selectFrom('workplace_site').selectAll().where('id', '=', id).executeTakeFirst();

export const listSites = (db: Db): Promise<SiteRow[]> =>
  db.selectFrom('workplace_site').selectAll().orderBy('name').execute();

export const insertSite = async (db: Db, row: SiteRow): Promise<void> => {
  await db.insertInto('workplace_site').values(row).execute();
};

export const updateSite = async (db: Db, id: string, changes: Partial<SiteRow>): Promise<void> => {
  await db.updateTable('workplace_site').set(changes).where('id', '=', id).execute();
};

export const findSiteRules = (db: Db, siteId: string): Promise<SiteRulesRow | undefined> =>
  db.selectFrom('workplace_site_rules').selectAll().where('site_id', '=', siteId).executeTakeFirst();

export const listSiteRules = (db: Db): Promise<SiteRulesRow[]> =>
  db.selectFrom('workplace_site_rules').selectAll().execute();

/** Writes a site's rules whole (insert or replace). */
export const saveSiteRules = async (db: Db, row: SiteRulesRow): Promise<void> => {
  const { site_id: _siteId, ...changes } = row;
  await db
    .insertInto('workplace_site_rules')
    .values(row)
    .onConflict((oc) => oc.column('site_id').doUpdateSet(changes))
    .execute();
};

export const findFloor = (db: Db, id: string): Promise<FloorRow | undefined> =>
  db.selectFrom('workplace_floor').selectAll().where('id', '=', id).executeTakeFirst();

export const listFloorsOfSites = (db: Db, siteIds: readonly string[]): Promise<FloorRow[]> =>
  siteIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('workplace_floor')
        .selectAll()
        .where('site_id', 'in', [...siteIds])
        .orderBy('site_id')
        .orderBy('level')
        .execute();

export const listZonesOfFloors = (db: Db, floorIds: readonly string[]): Promise<ZoneRow[]> =>
  floorIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('workplace_zone')
        .selectAll()
        .where('floor_id', 'in', [...floorIds])
        .orderBy('id')
        .execute();

export const findZone = (db: Db, id: string): Promise<ZoneRow | undefined> =>
  db.selectFrom('workplace_zone').selectAll().where('id', '=', id).executeTakeFirst();

export const listDesksOfFloors = (db: Db, floorIds: readonly string[]): Promise<DeskRow[]> =>
  floorIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('workplace_desk')
        .selectAll()
        .where('floor_id', 'in', [...floorIds])
        .orderBy('id')
        .execute();

/** Bookable desks per floor (not retired), for the site list. */
export async function countDesksPerFloor(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('workplace_desk')
    .select(['floor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('is_retired', '=', 0)
    .groupBy('floor_id')
    .execute();
  return new Map(rows.map((row) => [row.floor_id, Number(row.n)]));
}

export const findDesk = (db: Db, id: string): Promise<DeskRow | undefined> =>
  db.selectFrom('workplace_desk').selectAll().where('id', '=', id).executeTakeFirst();

export const insertFloor = async (db: Db, row: FloorRow): Promise<void> => {
  await db.insertInto('workplace_floor').values(row).execute();
};
export const updateFloor = async (db: Db, id: string, changes: Partial<FloorRow>): Promise<void> => {
  await db.updateTable('workplace_floor').set(changes).where('id', '=', id).execute();
};
export const insertZone = async (db: Db, row: ZoneRow): Promise<void> => {
  await db.insertInto('workplace_zone').values(row).execute();
};
export const updateZone = async (db: Db, id: string, changes: Partial<ZoneRow>): Promise<void> => {
  await db.updateTable('workplace_zone').set(changes).where('id', '=', id).execute();
};
export const insertDesk = async (db: Db, row: DeskRow): Promise<void> => {
  await db.insertInto('workplace_desk').values(row).execute();
};
export const updateDesk = async (db: Db, id: string, changes: Partial<DeskRow>): Promise<void> => {
  await db.updateTable('workplace_desk').set(changes).where('id', '=', id).execute();
};

// ---- Bookings ----------------------------------------------------------------------------------

/**
 * Locks `scopes` (booking-locks.ts) for the rest of the transaction, in the order given, so two
 * bookings that could break a rule together check and write one after the other. One mechanism
 * per database:
 * - PostgreSQL: transaction-level advisory locks, all in one statement (the select list is
 *   evaluated left to right). Unlike a lock row they write nothing: a transaction that then only
 *   reads gets no transaction id, and its end needs no WAL flush; nor does a hot lock row pile up
 *   dead versions. PostgreSQL releases them at the commit, once it is durable.
 * - SQLite: one connection serializes the transactions of this process already (and withGroupCommit
 *   runs its callers one after the other); what is left to guard against is another process (the
 *   CLI) writing between this transaction's reads and its insert. Any write makes the transaction
 *   the database's one writer until it ends, so one upsert of the first scope's row takes that
 *   lock before the reads; another writer then waits (busy_timeout) instead of being read stale.
 */
export async function lockBookingScopes(db: Db, scopes: readonly string[]): Promise<void> {
  if (scopes.length === 0) return;
  if (isPostgres(db)) {
    const locks = scopes.map((scope) => sql`pg_advisory_xact_lock(${advisoryLockKey(scope)}::bigint)`);
    await sql`select ${sql.join(locks)}`.execute(db);
    return;
  }
  await upsertLockRow(db, scopes[0]!);
}

const upsertLockRow = preparedQuery((db: Kysely<any>, scope: string) =>
  (db as Db)
    .insertInto('workplace_booking_lock')
    .values({ scope, taken: 1 })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet((eb) => ({ taken: eb('workplace_booking_lock.taken', '+', 1) })),
    ),
);

/**
 * The desks of a zone still in the plan (not retired): its capacity counts them. A number, not the
 * rows: on SQLite a read costs about what building its rows' values costs.
 */
export async function countZoneDesks(db: Db, zoneId: string): Promise<number> {
  const [row] = await zoneDeskCount(db, zoneId);
  return Number(row?.n ?? 0);
}

const zoneDeskCount = preparedQuery((db: Kysely<any>, zoneId: string) =>
  (db as Db)
    .selectFrom('workplace_desk')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('zone_id', '=', zoneId)
    .where('is_retired', '=', 0),
);

/** A floor's booking of a day as the rules read it, with the place of its desk (`desk_…`). */
export type FloorDayBookingRow = Pick<BookingRow, 'desk_id' | 'slot'> & {
  desk_zone_id: string;
  desk_x: number;
  desk_y: number;
  desk_is_blocked: number;
  desk_is_retired: number;
};

/**
 * The bookings of a floor's day that hold their desk and that the floor's rules may count against
 * a booking of `desk`, each with its desk's place: those of its zone (desk taken, zone full) and
 * those within `metres` of it along each axis (distance; a square around the desk holds every desk
 * closer than that). The rules still measure and decide (booking-rules.ts); this only leaves out
 * rows they would skip, and only the columns they read: on SQLite, building a row's values is most
 * of what a read costs, and on a floor of many zones most of the day is elsewhere.
 */
export const listFloorDayBookingsNear = (
  db: Db,
  desk: Pick<DeskRow, 'floor_id' | 'zone_id' | 'x' | 'y'>,
  day: string,
  metres: number,
): Promise<FloorDayBookingRow[]> => {
  const [x, y] = [Number(desk.x), Number(desk.y)];
  return floorDayBookingsNear(
    db,
    desk.floor_id,
    day,
    desk.zone_id,
    x - metres,
    x + metres,
    y - metres,
    y + metres,
  );
};

const floorDayBookingsNear = preparedQuery(
  (
    db: Kysely<any>,
    floorId: string,
    day: string,
    zoneId: string,
    xFrom: number,
    xTo: number,
    yFrom: number,
    yTo: number,
  ) =>
    (db as Db)
      .selectFrom('workplace_booking as b')
      .innerJoin('workplace_desk as d', 'd.id', 'b.desk_id')
      .select([
        'b.desk_id',
        'b.slot',
        'd.zone_id as desk_zone_id',
        'd.x as desk_x',
        'd.y as desk_y',
        'd.is_blocked as desk_is_blocked',
        'd.is_retired as desk_is_retired',
      ])
      .where('b.floor_id', '=', floorId)
      .where('b.booked_on', '=', day)
      .where('b.status', 'in', [...ACTIVE_STATUSES])
      .where((eb) =>
        eb.or([
          eb('d.zone_id', '=', zoneId),
          eb.and([
            eb('d.x', '>=', xFrom),
            eb('d.x', '<=', xTo),
            eb('d.y', '>=', yFrom),
            eb('d.y', '<=', yTo),
          ]),
        ]),
      ),
);

/** A person's bookings that hold a desk between two days, as the person's rules read them. */
export const listPersonBookingsForRules = (
  db: Db,
  personId: string,
  from: string,
  to: string,
): Promise<Pick<BookingRow, 'desk_id' | 'booked_on' | 'slot'>[]> =>
  personBookingsForRules(db, personId, from, to);

const personBookingsForRules = preparedQuery((db: Kysely<any>, personId: string, from: string, to: string) =>
  (db as Db)
    .selectFrom('workplace_booking')
    .select(['desk_id', 'booked_on', 'slot'])
    .where('person_id', '=', personId)
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to)
    .where('status', 'in', [...ACTIVE_STATUSES]),
);

/** A floor's bookings of one day that hold their desk. */
export const listActiveBookingsOfFloor = (db: Db, floorId: string, day: string): Promise<BookingRow[]> =>
  db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('floor_id', '=', floorId)
    .where('booked_on', '=', day)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .execute();

/** Per zone of a floor, how often some people held a desk there between two days, and the last day. */
export async function countBookingsPerZone(
  db: Db,
  floorId: string,
  personIds: readonly string[],
  period: { from: string; to: string },
): Promise<{ zone: string; bookings: number; lastDay: string }[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('workplace_booking as b')
    .innerJoin('workplace_desk as d', 'd.id', 'b.desk_id')
    .select(['d.zone_id as zone', (eb) => eb.fn.countAll<number | string>().as('bookings')])
    .select((eb) => eb.fn.max('b.booked_on').as('lastDay'))
    .where('b.floor_id', '=', floorId)
    .where('b.person_id', 'in', [...personIds])
    .where('b.booked_on', '>=', period.from)
    .where('b.booked_on', '<=', period.to)
    .where('b.status', 'in', [...ACTIVE_STATUSES])
    .groupBy('d.zone_id')
    .execute();
  // PostgreSQL counts in bigint, which pg hands over as text.
  return rows.map((row) => ({ zone: row.zone, bookings: Number(row.bookings), lastDay: row.lastDay }));
}

/** A person's bookings that hold a desk between two days (inclusive), on every site, day by day. */
export const listActiveBookingsOfPerson = (
  db: Db,
  personId: string,
  from: string,
  to: string,
): Promise<BookingRow[]> =>
  db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('person_id', '=', personId)
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .orderBy('booked_on')
    .execute();

/**
 * Bookings on some floors between two days (inclusive): of any status for the occupancy figures,
 * only those that hold a desk (`activeOnly`) for the contact report.
 */
export function listBookingsOfFloorsBetween(
  db: Db,
  floorIds: readonly string[],
  from: string,
  to: string,
  { activeOnly = false } = {},
): Promise<BookingRow[]> {
  if (floorIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('floor_id', 'in', [...floorIds])
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to);
  if (activeOnly) query = query.where('status', 'in', [...ACTIVE_STATUSES]);
  return query.execute();
}

/** A person's bookings of any status between two days, in date order. */
export const listBookingsOfPerson = (
  db: Db,
  personId: string,
  from: string,
  to: string,
): Promise<BookingRow[]> =>
  db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('person_id', '=', personId)
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to)
    .orderBy('booked_on')
    .orderBy('slot')
    .orderBy('created_at')
    .execute();

export const insertBooking = async (db: Db, row: BookingRow): Promise<void> => {
  await db.insertInto('workplace_booking').values(row).execute();
};

export const findBooking = (db: Db, id: string): Promise<BookingRow | undefined> =>
  db.selectFrom('workplace_booking').selectAll().where('id', '=', id).executeTakeFirst();

export const updateBooking = async (db: Db, id: string, changes: Partial<BookingRow>): Promise<void> => {
  await db.updateTable('workplace_booking').set(changes).where('id', '=', id).execute();
};

/** The handle another module's functions take: they type it against their own tables. */
export const forOtherModules = (db: Db): Kysely<any> => db as Kysely<any>;

/** Bookings still waiting to be claimed up to a day (inclusive): the release job's candidates. */
/** The site of each floor. */
export async function siteIdsOfFloors(db: Db, floorIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(floorIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('workplace_floor')
    .select(['id', 'site_id'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row.site_id]));
}

export const listUnclaimedBookings = (db: Db, upTo: string): Promise<BookingRow[]> =>
  db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('status', '=', 'booked')
    .where('booked_on', '<=', upTo)
    .orderBy('booked_on')
    .execute();

/** A person's booking of a desk on a day that waits to be checked in. */
export const findUnclaimedBooking = (
  db: Db,
  personId: string,
  deskId: string,
  day: string,
): Promise<BookingRow | undefined> =>
  db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('person_id', '=', personId)
    .where('desk_id', '=', deskId)
    .where('booked_on', '=', day)
    .where('status', '=', 'booked')
    .executeTakeFirst();

/** Every booking of a person on a desk on a day, whatever its status (the desk's check-in page). */
export const listBookingsOfPersonAtDesk = (
  db: Db,
  personId: string,
  deskId: string,
  day: string,
): Promise<BookingRow[]> =>
  db
    .selectFrom('workplace_booking')
    .selectAll()
    .where('person_id', '=', personId)
    .where('desk_id', '=', deskId)
    .where('booked_on', '=', day)
    .orderBy('slot')
    .execute();

/**
 * Moves a booking from one status to another only if it still has the first: a check-in and the
 * release job racing for the same booking cannot both win. Returns whether it moved.
 */
export async function moveBookingStatus(
  db: Db,
  id: string,
  from: string,
  changes: Partial<BookingRow> & { status: string },
): Promise<boolean> {
  const result = await db
    .updateTable('workplace_booking')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether a person holds a desk (booked or checked in) on a day. */
export async function hasActiveBookingOn(db: Db, personId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('workplace_booking')
    .select('id')
    .where('person_id', '=', personId)
    .where('booked_on', '=', day)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .executeTakeFirst();
  return row !== undefined;
}

/** Desks blocked and still in the plan, with the reason. */
export const listBlockedDesks = (db: Db): Promise<Pick<DeskRow, 'id' | 'blocked_reason'>[]> =>
  db
    .selectFrom('workplace_desk')
    .select(['id', 'blocked_reason'])
    .where('is_blocked', '=', 1)
    .where('is_retired', '=', 0)
    .orderBy('id')
    .execute();

/** A site's bookings that hold a desk from a day on (what a change of rules is checked against). */
export const listActiveBookingsOfSite = (db: Db, siteId: string, from: string): Promise<BookingRow[]> =>
  db
    .selectFrom('workplace_booking as b')
    .innerJoin('workplace_floor as f', 'f.id', 'b.floor_id')
    .selectAll('b')
    .where('f.site_id', '=', siteId)
    .where('b.booked_on', '>=', from)
    .where('b.status', 'in', [...ACTIVE_STATUSES])
    .orderBy('b.booked_on')
    .orderBy('b.desk_id')
    .execute();

// ---- Calendar feeds ----------------------------------------------------------------------------

/** Gives a person a new feed token (by its hash), replacing the one they had. */
export async function saveCalendarFeed(db: Db, row: CalendarFeedRow): Promise<void> {
  await db.deleteFrom('workplace_calendar_feed').where('person_id', '=', row.person_id).execute();
  await db.insertInto('workplace_calendar_feed').values(row).execute();
}

/** Revokes a person's feed; false when they had none. */
export async function deleteCalendarFeed(db: Db, personId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('workplace_calendar_feed')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export const findCalendarFeed = (db: Db, tokenHash: string): Promise<CalendarFeedRow | undefined> =>
  db.selectFrom('workplace_calendar_feed').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
