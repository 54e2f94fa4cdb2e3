import type { Kysely } from 'kysely';
import type { EquipmentTables, ProfileRow, TypePolicyRow } from './tables.js';

// The SQL of the equipment profiles (per function) and the per-type policies.

export type Db = Kysely<EquipmentTables>;

export const listProfileRows = (db: Db): Promise<ProfileRow[]> =>
  db.selectFrom('equipment_profile').selectAll().orderBy('name_fr').orderBy('id').execute();

export const findProfileRow = (db: Db, id: string): Promise<ProfileRow | undefined> =>
  db.selectFrom('equipment_profile').selectAll().where('id', '=', id).executeTakeFirst();

export const listProfileFunctions = (db: Db) =>
  db.selectFrom('equipment_profile_function').selectAll().orderBy('function_code').execute();

export const listProfileItems = (db: Db, profileIds?: readonly string[]) => {
  let query = db.selectFrom('equipment_profile_item').selectAll().orderBy('type');
  if (profileIds) query = query.where('profile_id', 'in', profileIds.length ? [...profileIds] : ['']);
  return query.execute();
};

/** The profile a function gets, if any. */
export const profileIdOfFunction = async (db: Db, functionCode: string): Promise<string | null> =>
  (
    await db
      .selectFrom('equipment_profile_function')
      .select('profile_id')
      .where('function_code', '=', functionCode)
      .executeTakeFirst()
  )?.profile_id ?? null;

/** Writes a profile with its functions and items, replacing those it had. */
export async function saveProfileRow(
  db: Db,
  row: ProfileRow,
  functions: readonly string[],
  items: readonly { type: string; mode: string }[],
): Promise<void> {
  const { id, created_at: _created, ...changes } = row;
  await db
    .insertInto('equipment_profile')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
  await db.deleteFrom('equipment_profile_item').where('profile_id', '=', id).execute();
  await db.deleteFrom('equipment_profile_function').where('profile_id', '=', id).execute();
  // A function moves to this profile from any other one (a function has one profile).
  if (functions.length)
    await db
      .deleteFrom('equipment_profile_function')
      .where('function_code', 'in', [...functions])
      .execute();
  if (items.length)
    await db
      .insertInto('equipment_profile_item')
      .values(items.map((item) => ({ profile_id: id, type: item.type, mode: item.mode })))
      .execute();
  if (functions.length)
    await db
      .insertInto('equipment_profile_function')
      .values(functions.map((code) => ({ function_code: code, profile_id: id })))
      .execute();
}

export async function deleteProfileRow(db: Db, id: string): Promise<number> {
  await db.deleteFrom('equipment_profile_item').where('profile_id', '=', id).execute();
  await db.deleteFrom('equipment_profile_function').where('profile_id', '=', id).execute();
  const result = await db.deleteFrom('equipment_profile').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const listPolicyRows = (db: Db): Promise<TypePolicyRow[]> =>
  db.selectFrom('equipment_type_policy').selectAll().execute();

export const findPolicyRow = (db: Db, type: string): Promise<TypePolicyRow | undefined> =>
  db.selectFrom('equipment_type_policy').selectAll().where('type', '=', type).executeTakeFirst();

export async function savePolicyRow(db: Db, row: TypePolicyRow): Promise<void> {
  const { type: _type, ...changes } = row;
  await db
    .insertInto('equipment_type_policy')
    .values(row)
    .onConflict((oc) => oc.column('type').doUpdateSet(changes))
    .execute();
}
