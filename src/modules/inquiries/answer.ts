import { randomUUID } from 'node:crypto';
import { nowInstant } from '../../platform/db/time.js';
import { DEFAULT_CALLBACK_POLICY } from './callback-policy.js';
import type { InquiryCaller } from './caller.js';
import { changeVisibleInquiry } from './inquiry-view.js';
import type { Db } from './repository.js';
import { addMessage, moveInquiry } from './status-change.js';

export const DELIVERIES = ['callback', 'mail', 'letter', 'none'] as const;
export type Delivery = (typeof DELIVERIES)[number];

const VIA: Record<Delivery, string | null> = {
  callback: 'phone',
  mail: 'email',
  letter: 'letter',
  none: null,
};

/**
 * The expert's answer, stored on the thread, and how it reaches the person: a callback becomes a
 * task in the agents' pool with its due time; a mail or a letter is recorded as sent and closes the
 * inquiry; `none` leaves it answered (for a colleague to deliver).
 */
export async function answerInquiry(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { body: string; delivery: Delivery },
): Promise<void> {
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    await addMessage(trx, caller.actor, row, { kind: 'answer', body: input.body, via: VIA[input.delivery] });
    if (input.delivery === 'callback') {
      await moveInquiry(trx, caller.actor, row, 'callback_pending');
      const now = new Date();
      await trx
        .insertInto('inquiry_callback')
        .values({
          id: randomUUID(),
          inquiry_id: row.id,
          status: 'pending',
          due_at: new Date(
            now.getTime() + DEFAULT_CALLBACK_POLICY.firstCallWithinMinutes * 60_000,
          ).toISOString(),
          attempts: 0,
          max_attempts: DEFAULT_CALLBACK_POLICY.maxAttempts,
          claimed_by: null,
          fallback: null,
          created_by: caller.actor.id,
          created_at: nowInstant(),
          closed_at: null,
        })
        .execute();
      return;
    }
    const answered = await moveInquiry(trx, caller.actor, row, 'answered');
    if (input.delivery !== 'none') await moveInquiry(trx, caller.actor, answered, 'closed');
  });
}
