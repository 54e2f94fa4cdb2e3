import { type Kysely, sql } from 'kysely';
import type { StatRegime } from './contract.js';
import type { AgreementTally } from './statistics-rules.js';
import type { StatAgreementRow, StatEmployeeRow, StatOrganisationRow, TeleworkTables } from './tables.js';

// The only file of the module that speaks SQL. Connection first; rows come back as stored (0/1):
// the callers turn them into the contract's shapes.

export type Db = Kysely<TeleworkTables>;

// Rows per insert: 7 columns × 500 stays far under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;

// ---- Statistics: organisations ------------------------------------------------------------------

export const findStatOrganisation = (db: Db, id: string): Promise<StatOrganisationRow | undefined> =>
  db.selectFrom('telework_stat_organisation').selectAll().where('id', '=', id).executeTakeFirst();

export const findStatOrganisationByName = (db: Db, name: string): Promise<StatOrganisationRow | undefined> =>
  db.selectFrom('telework_stat_organisation').selectAll().where('name', '=', name).executeTakeFirst();

export const listStatOrganisations = (db: Db): Promise<StatOrganisationRow[]> =>
  db.selectFrom('telework_stat_organisation').selectAll().orderBy('name').execute();

export const insertStatOrganisation = async (db: Db, row: StatOrganisationRow): Promise<void> => {
  await db.insertInto('telework_stat_organisation').values(row).execute();
};

export const updateStatOrganisation = async (
  db: Db,
  id: string,
  changes: Partial<Omit<StatOrganisationRow, 'id'>>,
): Promise<void> => {
  await db.updateTable('telework_stat_organisation').set(changes).where('id', '=', id).execute();
};

/** Per organisation: its employees, its agreements, and the years its data spans (first hire, last start). */
export async function countStatRows(db: Db): Promise<
  {
    organisationId: string;
    employees: number;
    agreements: number;
    firstDay: string | null;
    lastDay: string | null;
  }[]
> {
  const employees = await db
    .selectFrom('telework_stat_employee')
    .select((eb) => ['organisation_id', eb.fn.countAll().as('count'), eb.fn.min('hired_on').as('first')])
    .groupBy('organisation_id')
    .execute();
  const agreements = await db
    .selectFrom('telework_stat_agreement')
    .select((eb) => ['organisation_id', eb.fn.countAll().as('count'), eb.fn.max('start_date').as('last')])
    .groupBy('organisation_id')
    .execute();
  const ids = new Set([...employees, ...agreements].map((row) => row.organisation_id));
  return [...ids].map((organisationId) => {
    const e = employees.find((row) => row.organisation_id === organisationId);
    const a = agreements.find((row) => row.organisation_id === organisationId);
    return {
      organisationId,
      employees: Number(e?.count ?? 0),
      agreements: Number(a?.count ?? 0),
      firstDay: (e?.first as string | null | undefined) ?? null,
      lastDay: (a?.last as string | null | undefined) ?? null,
    };
  });
}

// ---- Statistics: employees and agreements -------------------------------------------------------

export const listStatEmployees = (db: Db, organisationId: string): Promise<StatEmployeeRow[]> =>
  db.selectFrom('telework_stat_employee').selectAll().where('organisation_id', '=', organisationId).execute();

export const listStatAgreements = (db: Db, organisationId: string): Promise<StatAgreementRow[]> =>
  db
    .selectFrom('telework_stat_agreement')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .execute();

export async function insertStatEmployees(db: Db, rows: readonly StatEmployeeRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('telework_stat_employee')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function insertStatAgreements(db: Db, rows: readonly StatAgreementRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('telework_stat_agreement')
      .values(rows.slice(i, i + BATCH))
      .execute();
}

export async function updateStatEmployee(db: Db, row: StatEmployeeRow): Promise<void> {
  const { organisation_id, employee_id, ...changes } = row;
  await db
    .updateTable('telework_stat_employee')
    .set(changes)
    .where('organisation_id', '=', organisation_id)
    .where('employee_id', '=', employee_id)
    .execute();
}

export async function updateStatAgreement(db: Db, row: StatAgreementRow): Promise<void> {
  const { organisation_id, employee_id, start_date, ...changes } = row;
  await db
    .updateTable('telework_stat_agreement')
    .set(changes)
    .where('organisation_id', '=', organisation_id)
    .where('employee_id', '=', employee_id)
    .where('start_date', '=', start_date)
    .execute();
}

export async function deleteStatEmployees(
  db: Db,
  organisationId: string,
  employeeIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < employeeIds.length; i += BATCH)
    await db
      .deleteFrom('telework_stat_employee')
      .where('organisation_id', '=', organisationId)
      .where('employee_id', 'in', employeeIds.slice(i, i + BATCH))
      .execute();
}

export async function deleteStatAgreements(
  db: Db,
  organisationId: string,
  keys: readonly { employee_id: string; start_date: string }[],
): Promise<void> {
  for (const key of keys)
    await db
      .deleteFrom('telework_stat_agreement')
      .where('organisation_id', '=', organisationId)
      .where('employee_id', '=', key.employee_id)
      .where('start_date', '=', key.start_date)
      .execute();
}

/**
 * Refreshes the planner's statistics of the two tables after an import: without them PostgreSQL
 * takes a freshly loaded table for a handful of rows and plans the report as nested loops (seconds
 * for a year of 1,500 people). ANALYZE of one table is valid SQL on both databases.
 */
export async function analyzeStatTables(db: Db): Promise<void> {
  await sql`analyze telework_stat_employee`.execute(db);
  await sql`analyze telework_stat_agreement`.execute(db);
}

/**
 * One snapshot day counted by the database (statistics-rules.ts counts the same in memory): the
 * people employed that day, grouped by the regime and days of their agreement active that day
 * (none: not teleworking). A person with two agreements active that day counts once, with the later.
 */
export async function tallyStatDay(
  db: Db,
  organisationId: string,
  day: string,
): Promise<{ headcount: number; tallies: AgreementTally[] }> {
  const headcount = await db
    .selectFrom('telework_stat_employee as e')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('e.organisation_id', '=', organisationId)
    .where('e.hired_on', '<=', day)
    .where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', day)]))
    .executeTakeFirstOrThrow();
  // In WHERE (not in an outer join's ON), NOT EXISTS becomes an anti-join on PostgreSQL.
  const groups = await db
    .selectFrom('telework_stat_agreement as a')
    .innerJoin('telework_stat_employee as e', (join) =>
      join.onRef('e.organisation_id', '=', 'a.organisation_id').onRef('e.employee_id', '=', 'a.employee_id'),
    )
    .select((eb) => ['a.regime', 'a.days_per_week', eb.fn.countAll().as('count')])
    .where('a.organisation_id', '=', organisationId)
    .where('a.start_date', '<=', day)
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', day)]))
    .where('e.hired_on', '<=', day)
    .where((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>=', day)]))
    // Of two agreements active that day, the one that started last counts (it replaced the other).
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('telework_stat_agreement as later')
            .select('later.start_date')
            .whereRef('later.organisation_id', '=', 'a.organisation_id')
            .whereRef('later.employee_id', '=', 'a.employee_id')
            .whereRef('later.start_date', '>', 'a.start_date')
            .where('later.start_date', '<=', day)
            .where((eb) => eb.or([eb('later.end_date', 'is', null), eb('later.end_date', '>=', day)])),
        ),
      ),
    )
    .groupBy(['a.regime', 'a.days_per_week'])
    .execute();
  return {
    headcount: Number(headcount.count),
    tallies: groups.map((group) => ({
      regime: group.regime as StatRegime,
      daysPerWeek: group.days_per_week === null ? null : Number(group.days_per_week),
      count: Number(group.count),
    })),
  };
}
