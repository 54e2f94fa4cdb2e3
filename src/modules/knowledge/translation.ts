export type LanguageTexts = { question: string; answer: string };
export type TranslationState = { frNeedsUpdate: boolean; nlNeedsUpdate: boolean };

const changed = (before: LanguageTexts, after: LanguageTexts) =>
  before.question !== after.question || before.answer !== after.answer;

/**
 * Changing one language's text marks the other as needing an update, unless the same edit changed
 * both, or the edit was itself the awaited translation (writing a language marked as needing an
 * update clears that mark and asks nothing of the other). This keeps FR and NL saying the same thing.
 */
export function nextTranslationState(
  state: TranslationState,
  before: { fr: LanguageTexts; nl: LanguageTexts },
  after: { fr: LanguageTexts; nl: LanguageTexts },
): TranslationState {
  const frChanged = changed(before.fr, after.fr);
  const nlChanged = changed(before.nl, after.nl);
  const frIsNewSource = frChanged && !nlChanged && !state.frNeedsUpdate;
  const nlIsNewSource = nlChanged && !frChanged && !state.nlNeedsUpdate;
  return {
    frNeedsUpdate: frChanged ? false : nlIsNewSource || state.frNeedsUpdate,
    nlNeedsUpdate: nlChanged ? false : frIsNewSource || state.nlNeedsUpdate,
  };
}

export const isBlank = (texts: LanguageTexts) => texts.question.trim() === '' || texts.answer.trim() === '';
