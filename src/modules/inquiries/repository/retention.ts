import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

/** Ids of the closed inquiries, closed before `cutoff`, not yet anonymised. */
export const listInquiriesToAnonymise = async (trx: Db, cutoff: string): Promise<string[]> =>
  (
    await trx
      .selectFrom('inquiry')
      .select('id')
      .where('status', '=', 'closed')
      .where('closed_at', '<', cutoff)
      .where('anonymised_at', 'is', null)
      .execute()
  ).map((row) => row.id);

/**
 * Takes the person and the words out of these inquiries: the requester, the question, the thread's
 * text, the notes of flags, callback attempts and status changes (why it was closed); deletes their documents.
 */
export async function anonymiseInquiries(
  trx: Db,
  ids: readonly string[],
  placeholder: string,
  anonymisedAt: string,
): Promise<void> {
  await trx
    .updateTable('inquiry')
    .set({
      question: placeholder,
      requester_name: null,
      requester_niss: null,
      requester_enterprise_number: null,
      requester_email: null,
      requester_phone: null,
      // A helpdesk ticket's employee: who asked is personal too (the ticket still counts in the figures).
      requester_person_id: null,
      // The sender's name on a social network identifies them; the network alone still counts.
      social_handle: null,
      idempotency_key: null,
      idempotency_digest: null,
      anonymised_at: anonymisedAt,
    })
    .where('id', 'in', ids)
    .execute();
  await trx
    .updateTable('inquiry_message')
    .set({ body: placeholder })
    .where('inquiry_id', 'in', ids)
    .execute();
  await trx.updateTable('inquiry_flag').set({ note: null }).where('inquiry_id', 'in', ids).execute();
  await trx.updateTable('inquiry_status_change').set({ note: null }).where('inquiry_id', 'in', ids).execute();
  await trx
    .updateTable('inquiry_callback_attempt')
    .set({ note: null })
    .where(
      'callback_id',
      'in',
      trx.selectFrom('inquiry_callback').select('id').where('inquiry_id', 'in', ids),
    )
    .execute();
  await trx.deleteFrom('inquiry_attachment').where('inquiry_id', 'in', ids).execute();
}

export async function insertRetentionRun(
  trx: Db,
  row: InquiryTables['inquiry_retention_run'],
): Promise<void> {
  await trx.insertInto('inquiry_retention_run').values(row).execute();
}

export const listRetentionRuns = (db: Db, limit = 50) =>
  db
    .selectFrom('inquiry_retention_run')
    .select(['id', 'cutoff', 'anonymised', 'started_at', 'finished_at'])
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
