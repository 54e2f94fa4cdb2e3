import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { conflict } from '../../platform/errors.js';
import type { InquiryCaller } from './caller.js';
import type { MessageKind } from './contract.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import type { Db } from './repository/db.js';
import { updateInquiry } from './repository/inquiries.js';
import { addMessage, moveInquiry } from './status-change.js';

/**
 * Adds a message to an open inquiry's thread. A closed inquiry takes nothing more (a late reply
 * from the person is a new inquiry, linked to this one), so nothing posted there is silently lost.
 */
export async function postMessage(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { kind: Exclude<MessageKind, 'answer'>; body: string; via?: string },
): Promise<string> {
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.status === 'closed') throw conflict('inquiries.closed');
    const id = await addMessage(trx, caller.actor, row, {
      kind: input.kind,
      body: input.body,
      via: input.via ?? null,
    });
    await updateInquiry(trx, row.id, { updated_at: nowInstant() });
    await writeAudit(trx, caller.actor, {
      action: 'inquiries.message_posted',
      objectType: 'inquiry',
      objectId: row.id,
      summary: { ref, kind: input.kind },
    });
    return id;
  });
}

/** Closes an inquiry, with an optional note saying why: the thread shows it on the closing, with who closed it. */
export async function closeInquiry(db: Db, caller: InquiryCaller, ref: string, note?: string): Promise<void> {
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    await moveInquiry(trx, caller.actor, row, 'closed', {}, undefined, note?.trim() || null);
  });
}
