/** Where a proposed FAQ draft goes next, as the knowledge workflow has it. */
export type FaqNextStep = 'translation' | 'review' | 'submission';

/**
 * The step a freshly proposed draft waits for: its translation while one language is empty or
 * behind the other (it sits in the translation queue), review once submitted (the review queue),
 * and otherwise its writer's submission for review. The message after "propose as FAQ entry" says
 * this, not a step the draft is not at.
 */
export function faqNextStep(draft: { state: string; frNeedsUpdate: boolean; nlNeedsUpdate: boolean }): {
  step: FaqNextStep;
  awaitsLanguage: 'fr' | 'nl' | null;
} {
  if (draft.frNeedsUpdate) return { step: 'translation', awaitsLanguage: 'fr' };
  if (draft.nlNeedsUpdate) return { step: 'translation', awaitsLanguage: 'nl' };
  return { step: draft.state === 'in_review' ? 'review' : 'submission', awaitsLanguage: null };
}
