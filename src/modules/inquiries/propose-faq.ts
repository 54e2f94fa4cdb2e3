import { brusselsDay, nowInstant } from '../../platform/db/time.js';
import { conflict, invalid } from '../../platform/errors.js';
import { createKnowledgeDraft } from '../knowledge/index.js';
import type { InquiryCaller } from './caller.js';
import type { FaqDraftProposed, FaqProposal } from './contract.js';
import { faqNextStep } from './faq-next-step.js';
import { changeVisibleInquiry } from './inquiry-access.js';
import { type Db, forOtherModules } from './repository/db.js';
import { updateInquiry } from './repository/inquiries.js';
import { findLastAnswer } from './repository/threads.js';
import { recordInquiryEvent } from './thread-event-log.js';

/**
 * Turns an answered question into an FAQ draft in the knowledge module's review flow, written in
 * the inquiry's language (French unless it was Dutch): the question as asked and the last answer
 * given, both editable before review. The inquiry keeps the draft's reference, so the next caller's
 * agent finds the answer at once once it is published, and takes the theme the proposal chose; the
 * proposal is an event on its thread.
 */
export async function proposeAsFaq(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  proposal: FaqProposal,
): Promise<FaqDraftProposed> {
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.faq_draft_ref) throw conflict('inquiries.already_proposed', { entry: row.faq_draft_ref });
    const theme = proposal.theme ?? row.theme;
    if (!theme) throw invalid([{ field: 'theme', code: 'validation.required' }]);
    const lastAnswer = await findLastAnswer(trx, row.id);
    const answer = proposal.answer ?? lastAnswer?.body;
    if (!answer) throw invalid([{ field: 'answer', code: 'inquiries.no_answer_yet' }]);
    const texts = { question: proposal.question ?? row.question, answer };
    const draft = await createKnowledgeDraft(forOtherModules(trx), caller.actor, {
      theme,
      audience: proposal.audience ?? 'internal',
      validFrom: proposal.valid_from ?? brusselsDay(),
      ...(row.language === 'nl' ? { nl: texts } : { fr: texts }),
    });
    // The inquiry takes the theme the proposal chose: figures and queues then count it where the FAQ files it.
    await updateInquiry(trx, row.id, { faq_draft_ref: draft.ref, theme, updated_at: nowInstant() });
    await recordInquiryEvent(trx, caller.actor, row, { kind: 'faq_proposed', entry_ref: draft.ref, theme });
    const next = faqNextStep(draft);
    return { entry_ref: draft.ref, next_step: next.step, awaits_language: next.awaitsLanguage };
  });
}
