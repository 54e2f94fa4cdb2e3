import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { afterAttempt, DEFAULT_CALLBACK_POLICY } from './callback-policy.js';
import type { InquiryCaller } from './caller.js';
import type { CallbackFallback, CallbackOutcome, CallbackPage, CallbackStatus } from './contract.js';
import { mailToRequester } from './mailbox/outgoing.js';
import {
  claimPendingCallback,
  findCallback,
  findCallbackPage,
  insertCallbackAttempt,
  updateCallback,
} from './repository/callbacks.js';
import type { Db } from './repository/db.js';
import { getInquiryById } from './repository/inquiries.js';
import { findLastAnswer } from './repository/threads.js';
import { addMessage, moveInquiry } from './status-change.js';

/** The agents' pool: pending callbacks, the most urgent first. */
export async function listCallbacks(
  db: Db,
  filter: { status: CallbackStatus; limit: number; offset: number },
): Promise<CallbackPage> {
  const { rows, total } = await findCallbackPage(db, filter);
  return {
    items: rows.map((row) => ({
      id: row.id,
      inquiry_ref: row.ref,
      language: row.language,
      question: row.question,
      requester_name: row.requester_name,
      status: row.status as CallbackStatus,
      due_at: row.due_at,
      attempts: row.attempts,
      max_attempts: row.max_attempts,
      claimed_by: row.claimed_by,
      fallback: row.fallback as CallbackFallback | null,
    })),
    total,
  };
}

/** An agent takes a callback so that two agents do not call the same person at once. */
export async function claimCallback(db: Db, caller: InquiryCaller, id: string): Promise<void> {
  if (await claimPendingCallback(db, id, caller.actor.id)) return;
  if (!(await findCallback(db, id))) throw notFound('inquiries.callback_not_found', { id });
  throw conflict('inquiries.callback_taken');
}

/**
 * The outcome of one call. Reached: the answer was given, the inquiry is closed. Otherwise the
 * callback is due again later, until the last attempt, after which the answer goes by mail or by
 * letter (recorded on the thread) and the inquiry is closed.
 */
export async function recordCallbackAttempt(
  db: Db,
  caller: InquiryCaller,
  id: string,
  input: { outcome: CallbackOutcome; note?: string },
): Promise<{ status: CallbackStatus; due_at: string }> {
  return withTransaction(db, async (trx) => {
    const callback = await findCallback(trx, id);
    if (!callback) throw notFound('inquiries.callback_not_found', { id });
    if (callback.status !== 'pending') throw conflict('inquiries.callback_closed');
    const now = new Date();
    const attempts = callback.attempts + 1;
    await insertCallbackAttempt(trx, {
      id: randomUUID(),
      callback_id: id,
      agent_id: caller.actor.id,
      outcome: input.outcome,
      note: input.note?.trim() || null,
      at: now.toISOString(),
    });
    const inquiry = await getInquiryById(trx, callback.inquiry_id);
    const decision = afterAttempt(input.outcome, attempts, now, inquiry.requester_email !== null, {
      ...DEFAULT_CALLBACK_POLICY,
      maxAttempts: callback.max_attempts,
    });
    let status: CallbackStatus = 'pending';
    let dueAt = callback.due_at;
    if (decision.kind === 'retry') {
      dueAt = decision.dueAt.toISOString();
      await updateCallback(trx, id, { attempts, due_at: dueAt, claimed_by: null });
    } else {
      status = decision.kind === 'done' ? 'done' : 'gave_up';
      const fallback = decision.kind === 'give_up' ? decision.fallback : null;
      await updateCallback(trx, id, { attempts, status, fallback, closed_at: nowInstant() });
      if (fallback) {
        // The person gets in writing the answer they could not be told.
        const answer = await findLastAnswer(trx, inquiry.id);
        if (fallback === 'mail')
          await mailToRequester(trx, caller.actor, inquiry, {
            kind: 'answer',
            answer: answer?.body ?? '',
            kindOnThread: 'outgoing',
          });
        else
          await addMessage(trx, caller.actor, inquiry, {
            kind: 'outgoing',
            body: answer?.body ?? '',
            via: 'letter',
          });
      }
      await moveInquiry(trx, caller.actor, inquiry, 'closed');
    }
    await writeAudit(trx, caller.actor, {
      action: 'inquiries.callback_attempted',
      objectType: 'inquiry',
      objectId: inquiry.id,
      summary: { ref: inquiry.ref, outcome: input.outcome, attempts, status },
    });
    return { status, due_at: dueAt };
  });
}
