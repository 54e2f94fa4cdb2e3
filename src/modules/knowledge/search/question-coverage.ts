import { termsOf } from './analyzer.js';
import type { Lang, SearchableEntry } from './types.js';

/**
 * How general an entry is for a query: the general before the particular.
 *
 * A short query ("droit passerelle", "overbruggingsrecht") matches dozens of entries, and BM25
 * prefers those that name the topic most often: the ones that combine it with something else
 * ("droit passerelle de crise et droit passerelle de soutien à la reprise : puis-je toucher les
 * deux ?", tags "double droit passerelle"). The entry about the topic itself ("Qu'est-ce que le
 * droit passerelle ?") names it once and sinks. What tells them apart is how much of the question
 * the query accounts for: all of the first, a small part of the others. So an entry whose question
 * holds every word typed gets a bonus that grows with the share of its question the query covers,
 * each question word weighing by how rare it is (a specific word the query leaves out says more
 * about what else the entry is about than a common one).
 */

/** The distinct terms of the content words of an entry's question, per language. */
export type QuestionTerms = Record<Lang, readonly string[]>;

/**
 * The terms of a question's content words, each once, as the index reads them (function words
 * dropped). A Dutch compound is one word: `ouderschapsoverbruggingsrecht` is about something more
 * particular than `overbruggingsrecht`, so its parts do not cover it.
 */
export function questionTermsOf(question: string, lang: Lang): string[] {
  return [...new Set(termsOf(question, lang))];
}

/**
 * The share of a question the query covers: the weight of its terms the query reached over the
 * weight of all its terms. 0 for a question without content words.
 */
export function questionCoverage(
  terms: readonly string[],
  isReached: (term: string) => boolean,
  weightOf: (term: string) => number,
): number {
  let total = 0;
  let covered = 0;
  for (const term of terms) {
    const weight = weightOf(term);
    total += weight;
    if (isReached(term)) covered += weight;
  }
  return total > 0 ? covered / total : 0;
}

/**
 * The factor on the score of an entry whose question holds every word typed: 1 + weight ×
 * coverage². Squared, so that it is the question about the query, all or nearly all covered, that
 * stands out, while a long question that shares a few words gains little.
 */
export function generalityFactor(coverage: number, weight: number): number {
  return 1 + weight * coverage * coverage;
}

// Computed on first need and kept with the entry object (a changed entry comes as a new object).
const termsByEntry = new WeakMap<SearchableEntry, QuestionTerms>();

/** The question terms of an entry in both languages, computed once per entry object. */
export function questionTermsOfEntry(entry: SearchableEntry): QuestionTerms {
  let terms = termsByEntry.get(entry);
  if (!terms) {
    terms = { fr: questionTermsOf(entry.fr.question, 'fr'), nl: questionTermsOf(entry.nl.question, 'nl') };
    termsByEntry.set(entry, terms);
  }
  return terms;
}
