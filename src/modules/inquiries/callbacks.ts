import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/errors.js';
import { afterAttempt, DEFAULT_CALLBACK_POLICY } from './callback-policy.js';
import type { InquiryCaller } from './caller.js';
import type { CallbackFallback, CallbackOutcome, CallbackPage, CallbackStatus } from './contract.js';
import { mailToRequester } from './mailbox/outgoing.js';
import type { Db } from './repository.js';
import { addMessage, moveInquiry } from './status-change.js';

/** The agents' pool: pending callbacks, the most urgent first. */
export async function listCallbacks(
  db: Db,
  filter: { status: CallbackStatus; limit: number; offset: number },
): Promise<CallbackPage> {
  const query = db
    .selectFrom('inquiry_callback as c')
    .innerJoin('inquiry as i', 'i.id', 'c.inquiry_id')
    .where('c.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    query
      .select([
        'c.id',
        'i.ref',
        'i.language',
        'i.question',
        'i.requester_name',
        'c.status',
        'c.due_at',
        'c.attempts',
        'c.max_attempts',
        'c.claimed_by',
        'c.fallback',
      ])
      .orderBy('c.due_at')
      .orderBy('c.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
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
    total: Number(count.n),
  };
}

/** An agent takes a callback so that two agents do not call the same person at once. */
export async function claimCallback(db: Db, caller: InquiryCaller, id: string): Promise<void> {
  const claimed = await db
    .updateTable('inquiry_callback')
    .set({ claimed_by: caller.actor.id })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', caller.actor.id)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 1) return;
  const exists = await db.selectFrom('inquiry_callback').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound('inquiries.callback_not_found', { id });
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
    const callback = await trx
      .selectFrom('inquiry_callback')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!callback) throw notFound('inquiries.callback_not_found', { id });
    if (callback.status !== 'pending') throw conflict('inquiries.callback_closed');
    const now = new Date();
    const attempts = callback.attempts + 1;
    await trx
      .insertInto('inquiry_callback_attempt')
      .values({
        id: randomUUID(),
        callback_id: id,
        agent_id: caller.actor.id,
        outcome: input.outcome,
        note: input.note?.trim() || null,
        at: now.toISOString(),
      })
      .execute();
    const inquiry = await trx
      .selectFrom('inquiry')
      .selectAll()
      .where('id', '=', callback.inquiry_id)
      .executeTakeFirstOrThrow();
    const decision = afterAttempt(input.outcome, attempts, now, inquiry.requester_email !== null, {
      ...DEFAULT_CALLBACK_POLICY,
      maxAttempts: callback.max_attempts,
    });
    let status: CallbackStatus = 'pending';
    let dueAt = callback.due_at;
    if (decision.kind === 'retry') {
      dueAt = decision.dueAt.toISOString();
      await trx
        .updateTable('inquiry_callback')
        .set({ attempts, due_at: dueAt, claimed_by: null })
        .where('id', '=', id)
        .execute();
    } else {
      status = decision.kind === 'done' ? 'done' : 'gave_up';
      const fallback = decision.kind === 'give_up' ? decision.fallback : null;
      await trx
        .updateTable('inquiry_callback')
        .set({ attempts, status, fallback, closed_at: nowInstant() })
        .where('id', '=', id)
        .execute();
      if (fallback) {
        // The person gets in writing the answer they could not be told.
        const answer = await trx
          .selectFrom('inquiry_message')
          .select('body')
          .where('inquiry_id', '=', inquiry.id)
          .where('kind', '=', 'answer')
          .orderBy('created_at', 'desc')
          .executeTakeFirst();
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
