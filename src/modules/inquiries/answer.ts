import { randomUUID } from 'node:crypto';
import type { AuditActor } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { DEFAULT_CALLBACK_POLICY, firstCallbackDue } from './callback-policy.js';
import type { InquiryCaller } from './caller.js';
import type { Delivery } from './contract.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import { assertHasEmail, mailToRequester } from './mailbox/outgoing.js';
import { insertCallback } from './repository/callbacks.js';
import type { Db } from './repository/db.js';
import { listOpenFollowers } from './repository/inquiries.js';
import { addMessage, moveInquiry } from './status-change.js';
import type { InquiryRow } from './tables.js';

const VIA: Record<Delivery, string | null> = {
  callback: 'phone',
  mail: 'email',
  letter: 'letter',
  none: null,
};

/**
 * How the answer reaches the person. A private message on a social network is answered there: the
 * answer left for a colleague (`none`) is the text an agent pastes back, so it says where it goes.
 */
const viaOf = (row: InquiryRow, delivery: Delivery): string | null =>
  delivery === 'none' && row.channel === 'social' ? 'social' : VIA[delivery];

/**
 * The expert's answer, stored on the thread, and how it reaches the person: a callback becomes a
 * task in the agents' pool with its due time; a mail is queued to the person's address (a 400 when
 * the inquiry has none) and a letter recorded as sent, and either closes the inquiry; `none` leaves
 * it answered (for a colleague to deliver). Inquiries linked to this one get the same answer,
 * delivered the same way.
 */
export async function answerInquiry(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { body: string; delivery: Delivery },
): Promise<{ answered: string[] }> {
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (input.delivery === 'mail') assertHasEmail(row, 'delivery');
    await deliverAnswer(trx, caller.actor, row, input);
    // Linked inquiries asked the same: each person gets the answer the same way (their own callback).
    const followers = await listOpenFollowers(trx, row.id);
    for (const follower of followers) await deliverAnswer(trx, caller.actor, follower, input);
    return { answered: [row.ref, ...followers.map((f) => f.ref)] };
  });
}

async function deliverAnswer(
  trx: Db,
  actor: AuditActor,
  row: InquiryRow,
  input: { body: string; delivery: Delivery },
): Promise<void> {
  // A linked inquiry without an address gets the answer on its thread, left answered for a
  // colleague to deliver, rather than holding up everyone else's.
  const canMail = input.delivery !== 'mail' || row.requester_email !== null;
  if (input.delivery === 'mail' && canMail)
    await mailToRequester(trx, actor, row, { kind: 'answer', answer: input.body, kindOnThread: 'answer' });
  else
    await addMessage(trx, actor, row, {
      kind: 'answer',
      body: input.body,
      via: canMail ? viaOf(row, input.delivery) : null,
    });
  if (input.delivery === 'callback') {
    await moveInquiry(trx, actor, row, 'callback_pending');
    const now = new Date();
    await insertCallback(trx, {
      id: randomUUID(),
      inquiry_id: row.id,
      status: 'pending',
      due_at: firstCallbackDue(now).toISOString(),
      attempts: 0,
      max_attempts: DEFAULT_CALLBACK_POLICY.maxAttempts,
      claimed_by: null,
      fallback: null,
      created_by: actor.id,
      created_at: nowInstant(),
      closed_at: null,
    });
    return;
  }
  const answered = await moveInquiry(trx, actor, row, 'answered');
  if (input.delivery !== 'none' && canMail) await moveInquiry(trx, actor, answered, 'closed');
}
