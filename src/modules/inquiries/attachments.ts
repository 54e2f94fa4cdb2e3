import { createHash, randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { checkAttachment } from './attachment-rules.js';
import type { InquiryCaller } from './caller.js';
import type { NewAttachment } from './contract.js';
import { changeVisibleInquiry, getVisibleInquiry } from './inquiry-access.js';
import { findAttachment, insertAttachment } from './repository/attachments.js';
import type { Db } from './repository/db.js';
import type { InquiryRow } from './tables.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Attaches a document to an open inquiry's thread, once its name and bytes pass the rules; it is
 * kept under the name a computer would save it as, with the type its content proved.
 */
export async function addAttachment(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: NewAttachment,
): Promise<{ id: string; size_bytes: number }> {
  if (!BASE64.test(input.content_base64))
    throw invalid([{ field: 'content_base64', code: 'inquiries.attachment_not_base64' }]);
  const bytes = new Uint8Array(Buffer.from(input.content_base64, 'base64'));
  // The declared content_type is not trusted: the name and the content decide the type.
  const { accepted, problem } = checkAttachment(input.filename, bytes);
  if (problem) throw invalid([problem]);
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.status === 'closed') throw conflict('inquiries.closed');
    const id = await storeAttachment(trx, caller.actor, row, { ...accepted, bytes, messageId: null });
    return { id, size_bytes: bytes.length };
  });
}

/** Stores a document that passed the rules on an inquiry's thread (from the API or a mail), audited. */
export async function storeAttachment(
  trx: Db,
  actor: AuditActor,
  row: InquiryRow,
  file: { filename: string; contentType: string; bytes: Uint8Array; messageId: string | null },
): Promise<string> {
  const id = randomUUID();
  await insertAttachment(trx, {
    id,
    inquiry_id: row.id,
    message_id: file.messageId,
    filename: file.filename,
    content_type: file.contentType,
    size_bytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes,
    created_by: actor.id,
    created_at: nowInstant(),
  });
  await writeAudit(trx, actor, {
    action: 'inquiries.attachment_added',
    objectType: 'inquiry',
    objectId: row.id,
    summary: { ref: row.ref, attachment: id, bytes: file.bytes.length, type: file.contentType },
  });
  return id;
}

/** A document of the thread; documents hold personal data, so every download is audited. */
export async function readAttachment(db: Db, caller: InquiryCaller, ref: string, id: string) {
  const inquiry = await getVisibleInquiry(db, caller, ref);
  const attachment = await findAttachment(db, inquiry.id, id);
  if (!attachment) throw notFound('inquiries.attachment_not_found');
  await writeAudit(db, caller.actor, {
    action: 'inquiries.personal_data_read',
    objectType: 'inquiry_attachment',
    objectId: id,
    summary: { ref },
  });
  return attachment;
}
