import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

type EventRow = InquiryTables['inquiry_event'];

export async function insertInquiryEvent(trx: Db, row: EventRow): Promise<void> {
  await trx.insertInto('inquiry_event').values(row).execute();
}

/** What happened to an inquiry outside statuses and messages (FAQ linked, proposed), oldest first. */
export const listInquiryEvents = (db: Db, inquiryId: string) =>
  db
    .selectFrom('inquiry_event')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('at')
    .orderBy('id')
    .execute();

/** An inquiry's status changes, each with who made it and the reason given, oldest first. */
export const listInquiryStatusChanges = (db: Db, inquiryId: string) =>
  db
    .selectFrom('inquiry_status_change')
    .select(['id', 'from_status', 'to_status', 'at', 'actor_id', 'note'])
    .where('inquiry_id', '=', inquiryId)
    .orderBy('at')
    .orderBy('id')
    .execute();

/** Every call made to reach the person about an inquiry, with its outcome and the agent's note, oldest first. */
export const listInquiryCallbackAttempts = (db: Db, inquiryId: string) =>
  db
    .selectFrom('inquiry_callback_attempt as a')
    .innerJoin('inquiry_callback as c', 'c.id', 'a.callback_id')
    .select(['a.id', 'a.agent_id', 'a.outcome', 'a.note', 'a.at', 'c.max_attempts'])
    .where('c.inquiry_id', '=', inquiryId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
