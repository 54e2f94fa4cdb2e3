import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

type MessageRow = InquiryTables['inquiry_message'];
type FlagRow = InquiryTables['inquiry_flag'];

export async function insertMessage(trx: Db, row: MessageRow): Promise<void> {
  await trx.insertInto('inquiry_message').values(row).execute();
}

/** An inquiry's thread in order; without the notes between colleagues when `withNotes` is false. */
export function listMessages(db: Db, inquiryId: string, withNotes: boolean) {
  let query = db.selectFrom('inquiry_message').selectAll().where('inquiry_id', '=', inquiryId);
  if (!withNotes) query = query.where('kind', '!=', 'note');
  return query.orderBy('created_at').execute();
}

/** The last answer written on an inquiry's thread. */
export const findLastAnswer = (db: Db, inquiryId: string): Promise<{ body: string } | undefined> =>
  db
    .selectFrom('inquiry_message')
    .select('body')
    .where('inquiry_id', '=', inquiryId)
    .where('kind', '=', 'answer')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();

/** The messages of these inquiries' threads that went out or came in by mail. */
export const listMailedMessageIds = async (db: Db, inquiryIds: readonly string[]): Promise<string[]> =>
  (
    await db
      .selectFrom('inquiry_message')
      .select('id')
      .where('inquiry_id', 'in', inquiryIds)
      .where('via', '=', 'email')
      .execute()
  ).map((message) => message.id);

export async function insertFlag(trx: Db, row: FlagRow): Promise<void> {
  await trx.insertInto('inquiry_flag').values(row).execute();
}

export const listFlags = (db: Db, inquiryId: string): Promise<FlagRow[]> =>
  db
    .selectFrom('inquiry_flag')
    .selectAll()
    .where('inquiry_id', '=', inquiryId)
    .orderBy('created_at')
    .execute();
