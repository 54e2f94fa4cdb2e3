import type { FieldError } from '../../platform/errors.js';
import { isBlank, type LanguageTexts, type TranslationState } from './translation.js';

export type DraftState = 'draft' | 'in_review';

export type DraftForReview = TranslationState & {
  state: DraftState;
  fr: LanguageTexts;
  nl: LanguageTexts;
  editorIds: string[];
};

/**
 * A draft goes to review only with both languages written and neither waiting for a translation
 * update: an entry is published in French and Dutch together, or not at all.
 */
// `context` picks the sentence that names the language in words (`language_missing_fr`: "Le texte
// français manque"), where a code in the middle of a sentence would read as one.
export function reasonsNotReadyForReview(draft: DraftForReview): FieldError[] {
  const reasons: FieldError[] = [];
  if (isBlank(draft.fr))
    reasons.push({
      field: 'fr',
      code: 'knowledge.language_missing',
      params: { language: 'fr', context: 'fr' },
    });
  if (isBlank(draft.nl))
    reasons.push({
      field: 'nl',
      code: 'knowledge.language_missing',
      params: { language: 'nl', context: 'nl' },
    });
  if (draft.frNeedsUpdate)
    reasons.push({
      field: 'fr',
      code: 'knowledge.translation_outdated',
      params: { language: 'fr', context: 'fr' },
    });
  if (draft.nlNeedsUpdate)
    reasons.push({
      field: 'nl',
      code: 'knowledge.translation_outdated',
      params: { language: 'nl', context: 'nl' },
    });
  return reasons;
}

export type PublishRefusal = 'knowledge.not_in_review' | 'knowledge.own_change' | undefined;

/** A reviewer publishes a draft that is in review and that they did not write (four eyes). */
export function publishRefusal(draft: DraftForReview, reviewerId: string): PublishRefusal {
  if (draft.state !== 'in_review') return 'knowledge.not_in_review';
  if (draft.editorIds.includes(reviewerId)) return 'knowledge.own_change';
  return undefined;
}

/** The day a published entry should be looked at again. */
export function reviewDueOn(publishedOn: string, reviewDays: number): string {
  const date = new Date(`${publishedOn}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + reviewDays);
  return date.toISOString().slice(0, 10);
}

export const isStale = (reviewDue: string | null, today: string): boolean =>
  reviewDue !== null && reviewDue < today;
