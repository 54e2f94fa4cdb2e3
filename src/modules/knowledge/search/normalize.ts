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
const AMPERSAND = 0x26;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
// Whether each character of the Basic Multilingual Plane is a letter or a digit (1) or not (2), learnt
// on first sight: the index reads millions of words, and a table look-up is far cheaper than the
// regular expression engine for each of them.
const isWordUnit = new Uint8Array(0x10000);

function isWordCharAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80)
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xd800 && code <= 0xdbff)
    return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at)!));
  let known = isWordUnit[code];
  if (!known) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 2;
    isWordUnit[code] = known;
  }
  return known === 1;
}

/** Where the run of letters and digits starting at `at` ends (a surrogate pair counts as one character). */
function endOfRun(text: string, at: number): number {
  let end = at;
  while (end < text.length && isWordCharAt(text, end)) {
    const code = text.charCodeAt(end);
    end += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
  }
  return end;
}

/**
 * Calls `visit` with each word `tokenize` would find (runs of letters and digits, "B&B" kept whole,
 * French elided particles dropped), lower-cased, in order, without gathering them. It reads the text
 * a character at a time rather than through the regular expression, for the index's sake.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  let at = 0;
  while (at < lower.length) {
    if (!isWordCharAt(lower, at)) {
      at++;
      continue;
    }
    let end = endOfRun(lower, at);
    // An ampersand between letters or digits joins them: "b&b" is one word.
    while (end + 1 < lower.length && lower.charCodeAt(end) === AMPERSAND && isWordCharAt(lower, end + 1)) {
      end = endOfRun(lower, end + 1);
    }
    const word = lower.slice(at, end);
    at = end;
    // The apostrophe first: it is one character to read, and most words are not followed by one.
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
