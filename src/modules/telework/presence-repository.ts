import type { Kysely } from 'kysely';
import type { Half, Place } from './contract.js';
import type { TeleworkTables } from './tables.js';

// The presence plan's SQL: its own table. What it reads of the agreements, profiles, policy and
// crisis measures comes from their own repositories. Connection first.

export type PresenceRow = {
  person_id: string;
  day: string;
  part: string;
  place: string;
  desk_booking_id: string | null;
  updated_at: string;
  updated_by: string | null;
};
export type PresenceTables = TeleworkTables & { telework_presence: PresenceRow };
export type Db = Kysely<PresenceTables>;

/** The same connection for the module's other repositories, which do not know the presence table. */
export const asTeleworkDb = (db: Db): Kysely<TeleworkTables> => db as unknown as Kysely<TeleworkTables>;

export const listPresenceRows = (db: Db, personIds: readonly string[], from: string, to: string) =>
  personIds.length === 0
    ? Promise.resolve([] as PresenceRow[])
    : db
        .selectFrom('telework_presence')
        .selectAll()
        .where('person_id', 'in', [...personIds])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .orderBy('part')
        .execute();

/** Replaces a person's rows of these days by the new ones (a week saved whole). */
export async function replacePresenceRows(
  trx: Db,
  personId: string,
  days: readonly string[],
  rows: readonly PresenceRow[],
): Promise<void> {
  await trx
    .deleteFrom('telework_presence')
    .where('person_id', '=', personId)
    .where('day', 'in', [...days])
    .execute();
  if (rows.length)
    await trx
      .insertInto('telework_presence')
      .values([...rows])
      .execute();
}

export const asHalf = (part: string): Half => (part === 'pm' ? 'pm' : 'am');
export const asPlace = (place: string): Place => place as Place;

/** Where everyone's saved plan puts them on a day, morning then afternoon (the live figures). */
export async function plannedPlacesOn(db: Db, day: string): Promise<Map<string, Place[]>> {
  const rows = await db
    .selectFrom('telework_presence')
    .select(['person_id', 'place'])
    .where('day', '=', day)
    .orderBy('person_id')
    .orderBy('part')
    .execute();
  const places = new Map<string, Place[]>();
  for (const row of rows)
    places.set(row.person_id, [...(places.get(row.person_id) ?? []), asPlace(row.place)]);
  return places;
}
