/** A word of a text with where it sits, so highlights can mark the original characters. */
export interface Token {
  /** Lower-cased, accents kept (the stemmers need them). */
  word: string;
  start: number;
  end: number;
}

// Letters and digits; everything else (spaces, punctuation, hyphens, apostrophes) separates words,
// except an ampersand between letters: "B&B" is a word (a guest house), not two letters.
const WORD = /[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)*/gu;
const APOSTROPHE = /['’ʼ]/;

// French elided articles and pronouns (l'activité, d'indépendant, qu'il, jusqu'à): the particle is
// dropped and the word after it kept.
const ELISIONS = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

/** Splits a text into lower-case words with their offsets, dropping French elided particles. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = match[0].toLowerCase();
    if (ELISIONS.has(word) && APOSTROPHE.test(text.charAt(end))) continue;
    tokens.push({ word, start, end });
  }
  return tokens;
}

/**
 * The words of a text as `tokenize` finds them, without their offsets: what the index needs, at a
 * fraction of the cost (the text is lower-cased once, and no token objects are made).
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

const ELISION_MAX_LENGTH = 7;

/** Calls `visit` with each word `wordsOf` finds, in order, without gathering them. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match; match = WORD.exec(lower)) {
    const word = match[0];
    // The apostrophe first: it is one character to read, and most words are not followed by one.
    const end = match.index + word.length;
    if (
      end < lower.length &&
      word.length <= ELISION_MAX_LENGTH &&
      APOSTROPHE.test(lower.charAt(end)) &&
      ELISIONS.has(word)
    )
      continue;
    visit(word);
  }
}

/** Removes accents and other combining marks: `indépendant` → `independant`, `geïnd` → `geind`. */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}
