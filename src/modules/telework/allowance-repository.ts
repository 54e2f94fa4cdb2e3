import type { Db } from './repository.js';
import type { AgreementRow, AllowanceRateRow, StaffProfileRow } from './tables.js';

// The SQL of allowances: the rates, and what the payroll list reads of the agreements and profiles
// (read only: the agreements service owns their writing). Connection first.

export const listAllowanceRateRows = (db: Db): Promise<AllowanceRateRow[]> =>
  db
    .selectFrom('telework_allowance_rate')
    .selectAll()
    .orderBy('kind')
    .orderBy('start_date', 'desc')
    .execute();

export const findAllowanceRateRow = (db: Db, id: string): Promise<AllowanceRateRow | undefined> =>
  db.selectFrom('telework_allowance_rate').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertAllowanceRateRow(db: Db, row: AllowanceRateRow): Promise<void> {
  await db.insertInto('telework_allowance_rate').values(row).execute();
}

export async function updateAllowanceRateRow(
  db: Db,
  id: string,
  changes: Partial<Omit<AllowanceRateRow, 'id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db.updateTable('telework_allowance_rate').set(changes).where('id', '=', id).execute();
}

/** The rates in force on at least one day from `from` to `to`. */
export const allowanceRateRowsBetween = (db: Db, from: string, to: string): Promise<AllowanceRateRow[]> =>
  db
    .selectFrom('telework_allowance_rate')
    .selectAll()
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('kind')
    .orderBy('start_date')
    .execute();

export type AgreementInForceRow = Pick<
  AgreementRow,
  'person_id' | 'status' | 'regime' | 'days_per_week' | 'monthly_days' | 'start_date' | 'end_date'
>;

/** The approved agreements in force on at least one day from `from` to `to`. */
export const approvedAgreementsBetween = (db: Db, from: string, to: string): Promise<AgreementInForceRow[]> =>
  db
    .selectFrom('telework_agreement')
    .select(['person_id', 'status', 'regime', 'days_per_week', 'monthly_days', 'start_date', 'end_date'])
    .where('status', '=', 'approved')
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('person_id')
    .orderBy('start_date')
    .execute();

export async function staffProfilesOf(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, StaffProfileRow>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('telework_staff_profile')
    .selectAll()
    .where('person_id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((row) => [row.person_id, row]));
}
