import { type Kysely, sql } from 'kysely';
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
 * What the yearly report counts (statistics-rules.ts), of an organisation's people: who, hired when,
 * last working day. Only these columns: the report reads them once for all its years (issue 14).
 */
export const listStatEmploymentSpans = (
  db: Db,
  organisationId: string,
): Promise<Pick<StatEmployeeRow, 'employee_id' | 'hired_on' | 'left_on'>[]> =>
  db
    .selectFrom('telework_stat_employee')
    .select(['employee_id', 'hired_on', 'left_on'])
    .where('organisation_id', '=', organisationId)
    .execute();

/** The same of its agreements: whose, which regime and days a week, from and until when (inclusive). */
export const listStatAgreementSpans = (
  db: Db,
  organisationId: string,
): Promise<
  Pick<StatAgreementRow, 'employee_id' | 'regime' | 'days_per_week' | 'start_date' | 'end_date'>[]
> =>
  db
    .selectFrom('telework_stat_agreement')
    .select(['employee_id', 'regime', 'days_per_week', 'start_date', 'end_date'])
    .where('organisation_id', '=', organisationId)
    .execute();
