import { termsOf } from './analyzer.js';
import { allowedEdits, isWithinEdits } from './edit-distance.js';
import type { Lang, SynonymGroup } from './types.js';

interface Phrase {
  lang: Lang;
  terms: string[];
}

/** A synonym list turned into index terms, ready to be matched against queries. */
export interface CompiledSynonyms {
  groups: Phrase[][];
}

/** Analyses every phrase of every group once, with the stemmer of its language. */
export function compileSynonyms(groups: readonly SynonymGroup[]): CompiledSynonyms {
  const compiled: Phrase[][] = [];
  for (const group of groups) {
    const phrases: Phrase[] = [];
    for (const lang of ['fr', 'nl'] as const) {
      for (const text of group[lang]) {
        const terms = termsOf(text, lang);
        if (terms.length > 0) phrases.push({ lang, terms });
      }
    }
    if (phrases.length > 1) compiled.push(phrases);
  }
  return { groups: compiled };
}

// A misspelt word still matches a synonym phrase ("droit passerele"), as the index itself would
// forgive it; a word the index knows must match exactly ("fermé" is not "fermier").
function isSameTerm(typed: string, phraseTerm: string, isKnown: (term: string) => boolean): boolean {
  if (typed === phraseTerm) return true;
  return !isKnown(typed) && isWithinEdits(typed, phraseTerm, allowedEdits(phraseTerm));
}

// Positions of the query words where the phrase occurs (empty when it does not).
function positionsIn(
  phrase: Phrase,
  queryTerms: readonly string[],
  isKnown: (term: string) => boolean,
): number[] {
  const last = queryTerms.length - phrase.terms.length;
  const positions = new Set<number>();
  for (let start = 0; start <= last; start++) {
    if (phrase.terms.every((term, k) => isSameTerm(queryTerms[start + k]!, term, isKnown))) {
      for (let k = 0; k < phrase.terms.length; k++) positions.add(start + k);
    }
  }
  return [...positions];
}

/** A phrase brought into a query, and the positions of the typed words it stands for. */
export interface Expansion {
  terms: string[];
  words: number[];
}

/**
 * The phrases to add to a query because it contains a phrase of a synonym group: the other phrases
 * of that group, as terms of their own language. `queryTerms` holds the query analysed in each
 * language (a Dutch speaker may type a French phrase); `isKnown` tells the words of the index from
 * likely typos.
 */
export function expandWithSynonyms(
  synonyms: CompiledSynonyms,
  queryTerms: Record<Lang, readonly string[]>,
  isKnown: (term: string) => boolean,
): Record<Lang, Expansion[]> {
  const added: Record<Lang, Expansion[]> = { fr: [], nl: [] };
  for (const group of synonyms.groups) {
    const matched = new Map<Phrase, number[]>();
    for (const phrase of group) {
      const positions = positionsIn(phrase, queryTerms[phrase.lang], isKnown);
      if (positions.length > 0) matched.set(phrase, positions);
    }
    if (matched.size === 0) continue;
    const words = [...new Set([...matched.values()].flat())].sort((a, b) => a - b);
    for (const phrase of group) {
      if (!matched.has(phrase)) added[phrase.lang].push({ terms: phrase.terms, words });
    }
  }
  return added;
}
