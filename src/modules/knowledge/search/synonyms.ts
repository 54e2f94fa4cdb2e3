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
  /** The groups holding a phrase with this term: only those can match a query holding it. */
  groupsByTerm: Map<string, Set<number>>;
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
  const groupsByTerm = new Map<string, Set<number>>();
  compiled.forEach((phrases, g) => {
    for (const phrase of phrases) {
      for (const term of phrase.terms) {
        const groups = groupsByTerm.get(term) ?? new Set<number>();
        groups.add(g);
        groupsByTerm.set(term, groups);
      }
    }
  });
  return { groups: compiled, groupsByTerm };
}

/** Whether the typed word at a position is unknown to the index in every reading: a likely typo. */
export type IsMisspelt = (position: number) => boolean;

// The groups a query may match: those holding one of its terms, or, for a misspelt word, a term
// within its allowed edits (with the same first letter, as the index's own typo lookup).
function candidateGroups(
  synonyms: CompiledSynonyms,
  queryTerms: Record<Lang, readonly string[]>,
  isMisspelt: IsMisspelt,
): number[] {
  const candidates = new Set<number>();
  for (const lang of ['fr', 'nl'] as const) {
    queryTerms[lang].forEach((term, position) => {
      for (const g of synonyms.groupsByTerm.get(term) ?? []) candidates.add(g);
      if (!isMisspelt(position)) return;
      for (const [phraseTerm, groups] of synonyms.groupsByTerm) {
        if (phraseTerm[0] !== term[0] || !isWithinEdits(term, phraseTerm, allowedEdits(phraseTerm))) continue;
        for (const g of groups) candidates.add(g);
      }
    });
  }
  return [...candidates].sort((a, b) => a - b);
}

// Positions of the query words where the phrase occurs (empty when it does not). A misspelt word
// still matches ("droit passerele"), as the index itself would forgive it; a correctly spelt word
// must match exactly ("fermé" is not "fermier").
function positionsIn(phrase: Phrase, queryTerms: readonly string[], isMisspelt: IsMisspelt): number[] {
  const isSame = (position: number, phraseTerm: string) => {
    const typed = queryTerms[position]!;
    if (typed === phraseTerm) return true;
    return (
      isMisspelt(position) &&
      typed[0] === phraseTerm[0] &&
      isWithinEdits(typed, phraseTerm, allowedEdits(phraseTerm))
    );
  };
  const last = queryTerms.length - phrase.terms.length;
  const positions = new Set<number>();
  for (let start = 0; start <= last; start++) {
    if (phrase.terms.every((term, k) => isSame(start + k, term))) {
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
 * language, word by word (a Dutch speaker may type a French phrase).
 */
export function expandWithSynonyms(
  synonyms: CompiledSynonyms,
  queryTerms: Record<Lang, readonly string[]>,
  isMisspelt: IsMisspelt,
): Record<Lang, Expansion[]> {
  const added: Record<Lang, Expansion[]> = { fr: [], nl: [] };
  for (const g of candidateGroups(synonyms, queryTerms, isMisspelt)) {
    const group = synonyms.groups[g]!;
    const matched = new Map<Phrase, number[]>();
    for (const phrase of group) {
      const positions = positionsIn(phrase, queryTerms[phrase.lang], isMisspelt);
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
