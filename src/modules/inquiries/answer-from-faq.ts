import { AppError, invalid } from '../../platform/errors.js';
import { recordUsage } from '../knowledge/index.js';
import type { InquiryCaller } from './caller.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import { type Db, forOtherModules } from './repository/db.js';
import { addMessage, moveInquiry } from './status-change.js';
import { recordInquiryEvent } from './thread-event-log.js';

/**
 * The agent answers from an FAQ entry: the inquiry records which entry and which version was
 * given (the rules change; this says what the person was told), and the knowledge module counts
 * the use. A call answered on the phone is done, so it is closed unless the agent keeps it open.
 */
export async function answerFromFaq(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { entryRef: string; note?: string; keepOpen?: boolean },
): Promise<void> {
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    const version = await usedEntryVersion(trx, input.entryRef);
    const answered = await moveInquiry(trx, caller.actor, row, 'answered', {
      answer_entry_ref: input.entryRef,
      answer_entry_version: version,
    });
    await addMessage(trx, caller.actor, row, {
      kind: 'answer',
      body: input.note?.trim() || `${input.entryRef} (version ${version})`,
      // On a social network the agent pastes the answer back into the conversation.
      via: row.channel === 'phone' || row.channel === 'social' ? row.channel : null,
    });
    await recordInquiryEvent(trx, caller.actor, row, {
      kind: 'faq_linked',
      entry_ref: input.entryRef,
      entry_version: version,
    });
    if (!input.keepOpen) await moveInquiry(trx, caller.actor, answered, 'closed');
  });
}

async function usedEntryVersion(trx: Db, entryRef: string): Promise<number> {
  try {
    return (await recordUsage(forOtherModules(trx), entryRef, 'used')).version;
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      throw invalid([{ field: 'entry_ref', code: 'inquiries.unknown_entry', params: { ref: entryRef } }]);
    throw error;
  }
}
