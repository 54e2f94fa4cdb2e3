import type { Kysely, Updateable } from 'kysely';
import { containsLowercase } from '../../platform/db/like.js';
import { preparedQuery } from '../../platform/db/prepared-query.js';
import type { DirectoryTables, OrgUnitRow, PartnerRow, PersonRow } from './tables.js';

export type Db = Kysely<DirectoryTables>;

export async function insertPersonRow(trx: Db, row: PersonRow): Promise<void> {
  await trx.insertInto('directory_person').values(row).execute();
}

export async function updatePersonRow(
  trx: Db,
  id: string,
  changes: Updateable<DirectoryTables['directory_person']>,
): Promise<void> {
  await trx.updateTable('directory_person').set(changes).where('id', '=', id).execute();
}

export const findPersonById = (db: Db, id: string): Promise<PersonRow | undefined> =>
  db.selectFrom('directory_person').selectAll().where('id', '=', id).executeTakeFirst();

export const findPersonByUsername = (db: Db, username: string): Promise<PersonRow | undefined> =>
  db
    .selectFrom('directory_person')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();

export const findPersonByEmail = (db: Db, email: string): Promise<PersonRow | undefined> =>
  db.selectFrom('directory_person').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();

export async function listRolesOf(db: Db, personIds: string[]): Promise<Map<string, string[]>> {
  const roles = new Map<string, string[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return roles;
  const rows = await db
    .selectFrom('directory_person_role')
    .select(['person_id', 'role'])
    .where('person_id', 'in', personIds)
    .orderBy('role')
    .execute();
  for (const row of rows) roles.get(row.person_id)?.push(row.role);
  return roles;
}

export async function replaceRoles(db: Db, personId: string, roles: readonly string[]): Promise<void> {
  await db.deleteFrom('directory_person_role').where('person_id', '=', personId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('directory_person_role')
      .values(roles.map((role) => ({ person_id: personId, role })))
      .execute();
  }
}

export type PeopleFilter = {
  q?: string;
  role?: string;
  partner?: string;
  orgUnit?: string;
  isActive?: boolean;
};

export async function searchPeople(db: Db, filter: PeopleFilter, page: { limit: number; offset: number }) {
  let query = db.selectFrom('directory_person as p');
  if (filter.q) {
    const text = filter.q.toLowerCase();
    query = query.where((eb) =>
      eb.or([containsLowercase('p.name', text), containsLowercase('p.username', text)]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('directory_person_role as r')
          .select('r.role')
          .whereRef('r.person_id', '=', 'p.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (filter.partner) query = query.where('p.partner_id', '=', filter.partner);
  if (filter.orgUnit) query = query.where('p.org_unit_id', '=', filter.orgUnit);
  if (filter.isActive !== undefined) query = query.where('p.is_active', '=', filter.isActive ? 1 : 0);
  const [rows, count] = await Promise.all([
    query.selectAll('p').orderBy('p.name').orderBy('p.id').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertPartnerRow(trx: Db, row: PartnerRow): Promise<void> {
  await trx.insertInto('directory_partner').values(row).execute();
}

export async function updatePartnerRow(
  trx: Db,
  id: string,
  changes: Updateable<DirectoryTables['directory_partner']>,
): Promise<void> {
  await trx.updateTable('directory_partner').set(changes).where('id', '=', id).execute();
}

export const listPartners = (db: Db): Promise<PartnerRow[]> =>
  db.selectFrom('directory_partner').selectAll().orderBy('code').execute();
export const findPartnerByCode = (db: Db, code: string): Promise<PartnerRow | undefined> =>
  db.selectFrom('directory_partner').selectAll().where('code', '=', code).executeTakeFirst();
export const findPartnerById = (db: Db, id: string): Promise<PartnerRow | undefined> =>
  db.selectFrom('directory_partner').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertOrgUnitRow(trx: Db, row: OrgUnitRow): Promise<void> {
  await trx.insertInto('directory_org_unit').values(row).execute();
}

export async function updateOrgUnitRow(
  trx: Db,
  id: string,
  changes: Updateable<DirectoryTables['directory_org_unit']>,
): Promise<void> {
  await trx.updateTable('directory_org_unit').set(changes).where('id', '=', id).execute();
}

export const listOrgUnits = (db: Db): Promise<OrgUnitRow[]> =>
  db.selectFrom('directory_org_unit').selectAll().orderBy('code').execute();
export const findOrgUnitByCode = (db: Db, code: string): Promise<OrgUnitRow | undefined> =>
  db.selectFrom('directory_org_unit').selectAll().where('code', '=', code).executeTakeFirst();
export const findOrgUnitById = (db: Db, id: string): Promise<OrgUnitRow | undefined> =>
  db.selectFrom('directory_org_unit').selectAll().where('id', '=', id).executeTakeFirst();

/** The codes of these org units and partners, by id. */
export async function codesOf(
  db: Db,
  ids: { unitIds: readonly string[]; partnerIds: readonly string[] },
): Promise<{ units: Map<string, string>; partners: Map<string, string> }> {
  const [units, partners] = await Promise.all([
    ids.unitIds.length
      ? db.selectFrom('directory_org_unit').select(['id', 'code']).where('id', 'in', ids.unitIds).execute()
      : [],
    ids.partnerIds.length
      ? db.selectFrom('directory_partner').select(['id', 'code']).where('id', 'in', ids.partnerIds).execute()
      : [],
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u.code])),
    partners: new Map(partners.map((p) => [p.id, p.code])),
  };
}

/** How many people each partner (or org unit) has, keyed by its id. */
export async function countPeopleBy(
  db: Db,
  column: 'partner_id' | 'org_unit_id',
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('directory_person')
    .select([column, (eb) => eb.fn.countAll<number>().as('n')])
    .where(column, 'is not', null)
    .groupBy(column)
    .execute();
  return new Map(rows.map((r) => [r[column] as string, Number(r.n)]));
}

export async function managerMap(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('directory_person').select(['id', 'manager_id']).execute();
  return new Map(rows.map((r) => [r.id, r.manager_id]));
}

export async function countPeople(db: Db): Promise<number> {
  const row = await db
    .selectFrom('directory_person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The person a provider's account (issuer, sub) was bound to, if any. */
export const findPersonIdBySsoSubject = async (
  db: Db,
  issuer: string,
  subject: string,
): Promise<string | undefined> =>
  (
    await db
      .selectFrom('directory_person_sso')
      .select('person_id')
      .where('issuer', '=', issuer)
      .where('subject', '=', subject)
      .executeTakeFirst()
  )?.person_id;

/** The provider account (sub) a person is bound to at an issuer, if any. */
export const findSsoSubjectOf = async (
  db: Db,
  personId: string,
  issuer: string,
): Promise<string | undefined> =>
  (
    await db
      .selectFrom('directory_person_sso')
      .select('subject')
      .where('person_id', '=', personId)
      .where('issuer', '=', issuer)
      .executeTakeFirst()
  )?.subject;

export const insertSsoSubject = async (
  db: Db,
  link: { issuer: string; subject: string; personId: string; boundAt: string },
): Promise<void> => {
  await db
    .insertInto('directory_person_sso')
    .values({ issuer: link.issuer, subject: link.subject, person_id: link.personId, bound_at: link.boundAt })
    .execute();
};

/** Removes every single sign-on binding of a person; returns how many there were. */
export const deleteSsoSubjectsOf = async (db: Db, personId: string): Promise<number> => {
  const result = await db
    .deleteFrom('directory_person_sso')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
};

export type PersonWithAccess = { person: PersonRow; partnerCode: string | null; roles: string[] };

// Authentication reads a person on every request: one joined query (a row per role) instead of
// three, compiled once per database handle (preparedQuery).
const selectPersonWithAccess = (column: 'id' | 'username' | 'email') =>
  preparedQuery((db: Db, value: string) =>
    db
      .selectFrom('directory_person as p')
      .leftJoin('directory_partner as pa', 'pa.id', 'p.partner_id')
      .leftJoin('directory_person_role as r', 'r.person_id', 'p.id')
      .selectAll('p')
      .select(['pa.code as partner_code', 'r.role as role'])
      .where(`p.${column}`, '=', value)
      .orderBy('r.role'),
  );
const personWithAccessBy = {
  id: selectPersonWithAccess('id'),
  username: selectPersonWithAccess('username'),
  email: selectPersonWithAccess('email'),
};

/** A person with their fund's code and their roles, in one round trip. */
export async function findPersonWithAccess(
  db: Db,
  by: { id: string } | { username: string } | { email: string },
): Promise<PersonWithAccess | undefined> {
  const rows =
    'id' in by
      ? await personWithAccessBy.id(db, by.id)
      : 'username' in by
        ? await personWithAccessBy.username(db, by.username.toLowerCase())
        : await personWithAccessBy.email(db, by.email.toLowerCase());
  const first = rows[0];
  if (!first) return undefined;
  // E-mail addresses are not unique (a shared mailbox): when several people have it, it
  // identifies nobody, rather than merging their roles or picking one of them.
  if (rows.some((row) => row.id !== first.id)) return undefined;
  const { partner_code, role: _role, ...person } = first;
  return {
    person,
    partnerCode: partner_code,
    roles: rows.flatMap((row) => (row.role === null ? [] : [row.role])),
  };
}

/** Names of people by id, for other modules that show who did what (no contact data). */
export async function namesOfPeople(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_person')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Which of the given organisation unit codes exist (another module checks the codes it stores). */
export async function knownOrgUnitCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom('directory_org_unit').select('code').where('code', 'in', unique).execute();
  return new Set(rows.map((row) => row.code));
}

/** Partner codes by id, and the other way round, for modules that store a fund's id. */
export async function partnerCodes(
  db: Db,
): Promise<{ byId: Map<string, string>; byCode: Map<string, string> }> {
  const rows = await db.selectFrom('directory_partner').select(['id', 'code']).execute();
  return {
    byId: new Map(rows.map((row) => [row.id, row.code])),
    byCode: new Map(rows.map((row) => [row.code, row.id])),
  };
}

/** Ids of people by username (demo data and imports that name people). */
export async function idsOfUsernames(db: Db, usernames: readonly string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_person')
    .select(['id', 'username'])
    .where('username', 'in', [...usernames])
    .execute();
  return new Map(rows.map((row) => [row.username, row.id]));
}

/** The organisation unit (team) code of each person, for the workplace's rotation of teams. */
export async function orgUnitCodesOf(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_person as p')
    .leftJoin('directory_org_unit as u', 'u.id', 'p.org_unit_id')
    .select(['p.id as id', 'u.code as code'])
    .where('p.id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((row) => [row.id, row.code]));
}

/**
 * The active people of a person's organisation unit, the person included: the workplace's "my
 * team's usual zone". Empty when the person belongs to no unit.
 */
export async function teamOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('directory_person as me')
    .innerJoin('directory_person as p', 'p.org_unit_id', 'me.org_unit_id')
    .select('p.id as id')
    .where('me.id', '=', personId)
    .where('p.is_active', '=', 1)
    .execute();
  return rows.map((row) => row.id);
}

/** What another module shows of a member of staff: name, language, manager and unit (no contact data). */
export type StaffCard = {
  id: string;
  name: string;
  language: string;
  managerId: string | null;
  orgUnitCode: string | null;
};

/** Staff cards by id (telework: who asks, who decides, in which language the agreement is written). */
export async function staffCardsOf(db: Db, ids: readonly string[]): Promise<Map<string, StaffCard>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_person as p')
    .leftJoin('directory_org_unit as u', 'u.id', 'p.org_unit_id')
    .select([
      'p.id as id',
      'p.name as name',
      'p.language as language',
      'p.manager_id as managerId',
      'u.code as orgUnitCode',
    ])
    .where('p.id', 'in', unique)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The institution's own staff employed on a day (no fund users): telework's live figures count them. */
export async function staffEmployedOn(db: Db, day: string): Promise<StaffCard[]> {
  return db
    .selectFrom('directory_person as p')
    .leftJoin('directory_org_unit as u', 'u.id', 'p.org_unit_id')
    .select([
      'p.id as id',
      'p.name as name',
      'p.language as language',
      'p.manager_id as managerId',
      'u.code as orgUnitCode',
    ])
    .where('p.partner_id', 'is', null)
    .where('p.is_active', '=', 1)
    .where((eb) => eb.or([eb('p.employed_from', 'is', null), eb('p.employed_from', '<=', day)]))
    .where((eb) => eb.or([eb('p.employed_to', 'is', null), eb('p.employed_to', '>=', day)]))
    .orderBy('p.name')
    .execute();
}

/** Each organisation unit's names by code, for other modules' figures per unit. */
export async function orgUnitNames(db: Db): Promise<Map<string, { fr: string; nl: string }>> {
  const rows = await db.selectFrom('directory_org_unit').select(['code', 'name_fr', 'name_nl']).execute();
  return new Map(rows.map((row) => [row.code, { fr: row.name_fr, nl: row.name_nl }]));
}
/** The active people whose manager is this person (their direct reports), by name. */
export async function reportsOf(db: Db, managerId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('directory_person')
    .select(['id', 'name'])
    .where('manager_id', '=', managerId)
    .where('is_active', '=', 1)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The active people of an organisation unit (by its code), by name; empty for an unknown unit. */
export async function peopleOfUnit(db: Db, unitCode: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('directory_person as p')
    .innerJoin('directory_org_unit as u', 'u.id', 'p.org_unit_id')
    .select(['p.id as id', 'p.name as name'])
    .where('u.code', '=', unitCode)
    .where('p.is_active', '=', 1)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

/**
 * People whose name or username contains the text (case-insensitive), at most `limit`: the
 * equipment module finds the assets a person holds when ICT types part of their name.
 */
export async function idsOfPeopleNamed(db: Db, text: string, limit: number): Promise<string[]> {
  const lowered = text.trim().toLowerCase();
  if (!lowered) return [];
  // A name's later words count too ("dupont" finds "Marie Dupont"); the directory holds thousands
  // of people, not millions, so a scan of it stays cheap.
  const rows = await db
    .selectFrom('directory_person as p')
    .select('p.id')
    .where((eb) => eb.or([containsLowercase('p.name', lowered), containsLowercase('p.username', lowered)]))
    .orderBy('p.name')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** The active people holding a role, with what a mail to them needs (equipment's low-stock alert to ICT). */
export async function peopleWithRole(
  db: Db,
  role: string,
): Promise<{ id: string; name: string; email: string; language: string }[]> {
  return db
    .selectFrom('directory_person as p')
    .innerJoin('directory_person_role as r', 'r.person_id', 'p.id')
    .select(['p.id as id', 'p.name as name', 'p.email as email', 'p.language as language'])
    .where('r.role', '=', role)
    .where('p.is_active', '=', 1)
    .orderBy('p.name')
    .execute();
}

/**
 * The institution's own active staff whose first day is after `day` (new colleagues): the
 * equipment module prepares their kit before they start.
 */
export async function staffStartingAfter(
  db: Db,
  day: string,
): Promise<{ id: string; name: string; employedFrom: string }[]> {
  const rows = await db
    .selectFrom('directory_person')
    .select(['id', 'name', 'employed_from'])
    .where('partner_id', 'is', null)
    .where('is_active', '=', 1)
    .where('employed_from', '>', day)
    .orderBy('employed_from')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, employedFrom: row.employed_from! }));
}
