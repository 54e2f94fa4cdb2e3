import type { Db } from './repository.js';
import type { CrisisMeasureRow } from './tables.js';

// The SQL of crisis measures. Connection first; unit codes and exceptions are JSON text, turned into
// lists by the service.

export const listCrisisMeasureRows = (db: Db): Promise<CrisisMeasureRow[]> =>
  db.selectFrom('telework_crisis_measure').selectAll().orderBy('start_date', 'desc').orderBy('id').execute();

export const findCrisisMeasureRow = (db: Db, id: string): Promise<CrisisMeasureRow | undefined> =>
  db.selectFrom('telework_crisis_measure').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertCrisisMeasureRow(db: Db, row: CrisisMeasureRow): Promise<void> {
  await db.insertInto('telework_crisis_measure').values(row).execute();
}

export async function updateCrisisMeasureRow(
  db: Db,
  id: string,
  changes: Partial<Omit<CrisisMeasureRow, 'id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db.updateTable('telework_crisis_measure').set(changes).where('id', '=', id).execute();
}

/** The measures in force on at least one day from `from` to `to`, oldest first. */
export const crisisMeasureRowsBetween = (db: Db, from: string, to: string): Promise<CrisisMeasureRow[]> =>
  db
    .selectFrom('telework_crisis_measure')
    .selectAll()
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('start_date')
    .orderBy('id')
    .execute();
