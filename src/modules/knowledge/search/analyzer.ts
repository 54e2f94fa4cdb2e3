import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { dutchCompoundParts } from './dutch-compounds.js';
import { foldAccents, forEachWord, type Token, tokenize } from './normalize.js';
import { isStopWord } from './stop-words.js';
import type { Lang } from './types.js';

/** A content word of a text and the index term it stands for. */
export interface AnalyzedToken extends Token {
  term: string;
  /** Terms of the parts of a Dutch compound (see dutchCompoundParts), else empty. */
  parts: string[];
}

const STEMMERS: Record<Lang, (word: string) => string> = { fr: stemFrench, nl: stemDutch };

/** What a lower-case word becomes in the index of one language. */
export interface WordAnalysis {
  term: string;
  parts: string[];
}

// Analysis (stemming above all) is the costly step, and the same words come back all the time, in
// entries and queries. The cache is dropped when full so that a stream of odd queries cannot grow it
// without bound.
const CACHE_LIMIT = 200_000;
const caches: Record<Lang, Map<string, WordAnalysis | null>> = { fr: new Map(), nl: new Map() };

/** The term and compound parts of a lower-case word, or null for a function word (cached). */
export function analyzeWord(word: string, lang: Lang): WordAnalysis | null {
  const cache = caches[lang];
  let analysis = cache.get(word);
  if (analysis === undefined) {
    analysis = isContentWord(word) ? { term: stem(word, lang), parts: partsOf(word, lang) } : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, analysis);
  }
  return analysis;
}

// Snowball stem of the language, then accents folded. Stemming first, because the French rules read
// accents (`fermée` → `ferm`, but `fermee` → `ferme`). Digits are kept as typed: "2021", "40" are
// strong clues in this domain.
function stem(word: string, lang: Lang): string {
  return /^\p{N}+$/u.test(word) ? word : foldAccents(STEMMERS[lang](word));
}

/** The index term of a lower-case word in a language (its stem, accents folded). */
export function termOf(word: string, lang: Lang): string {
  return analyzeWord(word, lang)?.term ?? stem(word, lang);
}

/** Whether a word is worth indexing or searching: not a function word, not a lone letter. */
export function isContentWord(word: string): boolean {
  return (word.length > 1 || /\p{N}/u.test(word)) && !isStopWord(word);
}

/** The content words of a text, each with its index term in the given language. */
export function analyze(text: string, lang: Lang): AnalyzedToken[] {
  const result: AnalyzedToken[] = [];
  for (const token of tokenize(text)) {
    const analysis = analyzeWord(token.word, lang);
    if (analysis) result.push({ ...token, term: analysis.term, parts: analysis.parts });
  }
  return result;
}

/** Terms of the parts of a compound word (Dutch only; French writes its compounds apart). */
export function partsOf(word: string, lang: Lang): string[] {
  if (lang !== 'nl') return [];
  return caches.nl.get(word)?.parts ?? dutchCompoundParts(word);
}

/** The terms of the content words of a text in the given language, in order. */
export function termsOf(text: string, lang: Lang): string[] {
  return analyze(text, lang).map((token) => token.term);
}

/**
 * What the index stores for a field: the terms of its words and of the parts of its compounds, each
 * with how often it comes.
 */
export function indexTermCounts(text: string, lang: Lang): Map<string, number> {
  const counts = new Map<string, number>();
  forEachWord(text, (word) => {
    const analysis = analyzeWord(word, lang);
    if (!analysis) return;
    counts.set(analysis.term, (counts.get(analysis.term) ?? 0) + 1);
    for (const part of analysis.parts) counts.set(part, (counts.get(part) ?? 0) + 1);
  });
  return counts;
}

/**
 * Other terms a typed word may stand for, that the stemmer does not bring together.
 * French: callers often skip accents, and the French stemmer reads them: `fermee` must find
 * `fermée`, `reportees` must find `reportées`. Dutch: the stemmer leaves the verb endings -t and -d
 * (`betaalt`, `verdiend`), so `betaalt` must find `betalen` and `verdien` must find `verdiend`.
 */
export function spellingVariants(word: string, lang: Lang): string[] {
  if (lang === 'nl') return dutchVerbVariants(word);
  if (word !== foldAccents(word)) return [];
  const variants: string[] = [];
  const pastParticiple = word.match(/^(.{3,}?)(ee|e)(s?)$/);
  if (pastParticiple) {
    const [, stemPart, ending, plural] = pastParticiple;
    variants.push(termOf(`${stemPart}${ending === 'ee' ? 'ée' : 'é'}${plural}`, lang));
  }
  return variants;
}

function dutchVerbVariants(word: string): string[] {
  if (word.length < 4 || /\p{N}/u.test(word)) return [];
  if (/[dt]$/.test(word)) return [termOf(word.replace(/d?t$|d$/, ''), 'nl')];
  return [termOf(`${word}d`, 'nl'), termOf(`${word}t`, 'nl')];
}
