import type { Db } from './agreement-repository.js';
import type { FunctionRow, PolicyRow, StaffProfileRow } from './tables.js';

// The SQL of the institution's telework policy, its functions and each member of staff's profile.

export const POLICY_ID = 'institution';

export const findPolicy = (db: Db): Promise<PolicyRow | undefined> =>
  db.selectFrom('telework_policy').selectAll().where('id', '=', POLICY_ID).executeTakeFirst();

export async function savePolicy(db: Db, row: PolicyRow): Promise<void> {
  await db
    .insertInto('telework_policy')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

export const listFunctions = (db: Db): Promise<FunctionRow[]> =>
  db.selectFrom('telework_function').selectAll().orderBy('code').execute();

export const findFunction = (db: Db, code: string): Promise<FunctionRow | undefined> =>
  db.selectFrom('telework_function').selectAll().where('code', '=', code).executeTakeFirst();

export async function saveFunction(db: Db, row: FunctionRow): Promise<void> {
  const { code: _code, created_at: _created, ...changes } = row;
  await db
    .insertInto('telework_function')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}

export const findProfile = (db: Db, personId: string): Promise<StaffProfileRow | undefined> =>
  db.selectFrom('telework_staff_profile').selectAll().where('person_id', '=', personId).executeTakeFirst();

export async function saveProfile(db: Db, row: StaffProfileRow): Promise<void> {
  await db
    .insertInto('telework_staff_profile')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
}

/**
 * Staff profiles with whether their function can be done from home: everyone's, or only these
 * people's when given (the presence plan, live figures).
 */
export const listProfilesWithFunction = (db: Db, personIds?: readonly string[]) => {
  let query = db
    .selectFrom('telework_staff_profile as p')
    .innerJoin('telework_function as f', 'f.code', 'p.function_code')
    .select([
      'p.person_id as personId',
      'p.occupation_pct as occupationPct',
      'f.is_teleworkable as teleworkable',
    ]);
  if (personIds) query = query.where('p.person_id', 'in', personIds.length ? [...personIds] : ['']);
  return query.execute();
};

/** Each person's function code (other modules: equipment profiles follow the function). */
export async function functionCodesOf(db: Db, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('telework_staff_profile')
    .select(['person_id', 'function_code'])
    .where('person_id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(rows.map((row) => [row.person_id, row.function_code]));
}
