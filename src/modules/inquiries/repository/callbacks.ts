import type { Updateable } from 'kysely';
import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

type CallbackRow = InquiryTables['inquiry_callback'];

export async function insertCallback(trx: Db, row: CallbackRow): Promise<void> {
  await trx.insertInto('inquiry_callback').values(row).execute();
}

/**
 * A page of the callbacks in a status, with their inquiry's reference and question: the pending
 * ones earliest due first (the next to call), the closed ones (done, given up) latest first (what
 * was just recorded, not a year of history, on the first page).
 */
export async function findCallbackPage(db: Db, filter: { status: string; limit: number; offset: number }) {
  const query = db
    .selectFrom('inquiry_callback as c')
    .innerJoin('inquiry as i', 'i.id', 'c.inquiry_id')
    .where('c.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .select([
        'c.id',
        'i.ref',
        'i.language',
        'i.question',
        'i.requester_name',
        'c.status',
        'c.due_at',
        'c.attempts',
        'c.max_attempts',
        'c.claimed_by',
        'c.fallback',
      ])
      .$if(filter.status === 'pending', (q) => q.orderBy('c.due_at'))
      .$if(filter.status !== 'pending', (q) => q.orderBy('c.closed_at', 'desc'))
      .orderBy('c.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Gives a pending callback to an agent unless another holds it; false when it could not. */
export async function claimPendingCallback(db: Db, id: string, agentId: string | null): Promise<boolean> {
  const claimed = await db
    .updateTable('inquiry_callback')
    .set({ claimed_by: agentId })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', agentId)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export const findCallback = (db: Db, id: string) =>
  db.selectFrom('inquiry_callback').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateCallback(trx: Db, id: string, changes: Updateable<CallbackRow>): Promise<void> {
  await trx.updateTable('inquiry_callback').set(changes).where('id', '=', id).execute();
}

export async function insertCallbackAttempt(
  trx: Db,
  row: InquiryTables['inquiry_callback_attempt'],
): Promise<void> {
  await trx.insertInto('inquiry_callback_attempt').values(row).execute();
}
