import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import type { Db } from './repository/db.js';
import { insertInquiryEvent } from './repository/thread-events.js';
import type { InquiryRow } from './tables.js';

/**
 * Writes, inside the caller's transaction, what happened to an inquiry that neither its status nor
 * its messages record: an answer given from an FAQ entry, the answer proposed as one.
 */
export async function recordInquiryEvent(
  trx: Db,
  actor: AuditActor,
  row: Pick<InquiryRow, 'id'>,
  event:
    | { kind: 'faq_linked'; entry_ref: string; entry_version: number }
    | { kind: 'faq_proposed'; entry_ref: string; theme: string },
): Promise<void> {
  await insertInquiryEvent(trx, {
    id: randomUUID(),
    inquiry_id: row.id,
    kind: event.kind,
    actor_id: actor.id,
    at: nowInstant(),
    entry_ref: event.entry_ref,
    entry_version: event.kind === 'faq_linked' ? event.entry_version : null,
    theme: event.kind === 'faq_proposed' ? event.theme : null,
  });
}
