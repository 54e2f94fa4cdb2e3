import type { InquiryTables } from '../tables.js';
import type { Db } from './db.js';

type AttachmentRow = InquiryTables['inquiry_attachment'];

export async function insertAttachment(trx: Db, row: AttachmentRow): Promise<void> {
  await trx.insertInto('inquiry_attachment').values(row).execute();
}

/** An inquiry's documents, without their content. */
export const listAttachments = (db: Db, inquiryId: string) =>
  db
    .selectFrom('inquiry_attachment')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'created_at'])
    .where('inquiry_id', '=', inquiryId)
    .orderBy('created_at')
    .execute();

export const findAttachment = (db: Db, inquiryId: string, id: string): Promise<AttachmentRow | undefined> =>
  db
    .selectFrom('inquiry_attachment')
    .selectAll()
    .where('id', '=', id)
    .where('inquiry_id', '=', inquiryId)
    .executeTakeFirst();
