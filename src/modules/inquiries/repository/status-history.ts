import { preparedInsert } from '../../../platform/db/prepared-query.js';
import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

// The reason is optional: most moves give none.
type StatusChangeRow = Omit<InquiryTables['inquiry_status_change'], 'note'> & { note?: string | null };

// Written for every inquiry logged, many a second in a surge: compiled once (preparedInsert).
export const addStatusChange = preparedInsert<StatusChangeRow>('inquiry_status_change');

export async function insertStatusChange(trx: Db, row: StatusChangeRow): Promise<void> {
  await trx.insertInto('inquiry_status_change').values(row).execute();
}

/** The status changes of these inquiries, oldest first. */
export const listStatusChanges = (db: Db, inquiryIds: readonly string[]) =>
  db
    .selectFrom('inquiry_status_change')
    .select(['inquiry_id', 'to_status', 'at'])
    .where('inquiry_id', 'in', inquiryIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
