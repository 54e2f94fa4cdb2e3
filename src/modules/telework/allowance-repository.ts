import type { Db } from './repository.js';
import type { AllowanceRateRow } from './tables.js';

// The SQL of allowance rates. What the payroll list reads of the agreements and profiles comes from
// their own repositories. Connection first.

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
