import type { i18n as I18n } from 'i18next';

/**
 * Grammar that depends on a value put into a sentence, through i18next's own mechanisms, so that
 * each locale says it its own way and components stay plain `t(key, values)` calls:
 * - context `vowel`: a key may have a `_vowel` form, used before a word starting with a vowel
 *   ("Connecté en tant que {{username}}" / "Connecté en tant qu'{{username}}": French elides);
 *   a locale that needs none repeats its sentence;
 * - formatter `lowercase`: a name that a language writes in lower case inside a sentence
 *   ("Parle {{language, lowercase}}": the French languages are "Français" alone, "parle français"
 *   in a sentence; Dutch and English keep "Spreekt Frans", "Speaks French").
 * Server and web app register the same formatters on their instance (registerGrammar).
 */

// A vowel, with or without accent, or a y before a consonant (Yves, but not Yann's "ya").
const VOWEL_START = /^(?:[aeiouæœ]|y(?![aeiouy]))/i;

/** Whether a word starts with a vowel sound as French elision reads it (h is left out: it may be aspirated). */
export function startsWithVowel(word: string): boolean {
  return VOWEL_START.test(word.trim().normalize('NFD').replace(/\p{M}/gu, ''));
}

/** The i18next context for a sentence holding `word`: `vowel` before a vowel, else none. */
export function vowelContext(word: string): 'vowel' | undefined {
  return startsWithVowel(word) ? 'vowel' : undefined;
}

/** Adds the formatters the locale files use to an i18next instance (after init). */
export function registerGrammar(instance: I18n): void {
  instance.services.formatter?.add('lowercase', (value: unknown, lng: string | undefined) =>
    String(value).toLocaleLowerCase(lng),
  );
}
