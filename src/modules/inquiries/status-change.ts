import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { conflict } from '../../platform/errors.js';
import type { Status } from './contract.js';
import type { Db } from './repository/db.js';
import { updateInquiryInStatus } from './repository/inquiries.js';
import { insertStatusChange } from './repository/status-history.js';
import { insertMessage } from './repository/threads.js';
import { assertCanMove } from './status-rules.js';
import type { InquiryRow, InquiryTables } from './tables.js';

/** Statuses that count as the person having had a first answer (the first service level). */
const ANSWERING: readonly Status[] = ['answered', 'callback_pending', 'closed'];

/**
 * Moves an inquiry to a status inside the caller's transaction, with the other columns the move
 * sets: one row of status history (the service-level clock is computed from it, the thread shows it
 * with the reason given) and one audit row.
 */
export async function moveInquiry(
  trx: Db,
  actor: AuditActor,
  row: InquiryRow,
  to: Status,
  patch: Updateable<InquiryTables['inquiry']> = {},
  action = `inquiries.moved_to_${to}`,
  note: string | null = null,
): Promise<InquiryRow> {
  assertCanMove(row.status as Status, to);
  const now = nowInstant();
  const changes: Updateable<InquiryTables['inquiry']> = {
    // "The fund answered" holds until the inquiry moves on: the expert has acted on it.
    ...(row.partner_answered_at !== null && { partner_answered_at: null }),
    ...patch,
    status: to,
    updated_at: now,
    ...(row.first_answered_at === null && ANSWERING.includes(to) && { first_answered_at: now }),
    ...(to === 'closed' && { closed_at: now }),
  };
  // Only if nobody moved it meanwhile: two experts acting on one inquiry at once get a clear 409.
  if (!(await updateInquiryInStatus(trx, row.id, row.status, changes)))
    throw conflict('inquiries.changed_meanwhile', { ref: row.ref });
  await insertStatusChange(trx, {
    id: randomUUID(),
    inquiry_id: row.id,
    from_status: row.status,
    to_status: to,
    at: now,
    actor_id: actor.id,
    note,
  });
  await writeAudit(trx, actor, {
    action,
    objectType: 'inquiry',
    objectId: row.id,
    summary: { ref: row.ref, from: row.status, to },
  });
  return { ...row, ...changes } as InquiryRow;
}

/** Adds a message to the thread (the answer, a note, what came in or went out). */
export async function addMessage(
  trx: Db,
  actor: AuditActor,
  row: InquiryRow,
  message: { kind: string; body: string; via?: string | null },
): Promise<string> {
  const id = randomUUID();
  await insertMessage(trx, {
    id,
    inquiry_id: row.id,
    kind: message.kind,
    body: message.body,
    via: message.via ?? null,
    author_id: actor.id,
    created_at: nowInstant(),
  });
  return id;
}
