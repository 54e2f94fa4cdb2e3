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
  /** The phrase terms by first letter, with their groups: what a misspelt word is compared with. */
  termsByInitial: Map<string, Array<{ term: string; groups: Set<number> }>>;
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
  const termsByInitial = new Map<string, Array<{ term: string; groups: Set<number> }>>();
  for (const [term, groups] of groupsByTerm) {
    const initial = term.slice(0, 1);
    const bucket = termsByInitial.get(initial) ?? [];
    bucket.push({ term, groups });
    termsByInitial.set(initial, bucket);
  }
  return { groups: compiled, groupsByTerm, termsByInitial };
}

/** Whether the typed word at a position is unknown to the index in every reading: a likely typo. */
export type IsMisspelt = (position: number) => boolean;

// The groups a query may match: those holding one of its terms, or, for a misspelt word, a term
// within its allowed edits (with the same first letter, as the index's own typo lookup).
function candidateGroups(
  synonyms: CompiledSynonyms,
  queryTerms: Record<Lang, readonly string[]>,
  isMisspelt: IsMisspelt,
): Set<number> {
  const candidates = new Set<number>();
  for (const lang of ['fr', 'nl'] as const) {
    queryTerms[lang].forEach((term, position) => {
      for (const g of synonyms.groupsByTerm.get(term) ?? []) candidates.add(g);
      if (!isMisspelt(position)) return;
      for (const { term: phraseTerm, groups } of synonyms.termsByInitial.get(term.slice(0, 1)) ?? []) {
        if (!isWithinEdits(term, phraseTerm, allowedEdits(phraseTerm))) continue;
        for (const g of groups) candidates.add(g);
      }
    });
  }
  return candidates;
}

// Positions of the query words where the phrase occurs, as bits (0 when it does not; a query has at
// most 32 words). A misspelt word still matches ("droit passerele"), as the index itself would
// forgive it; a correctly spelt word must match exactly ("fermé" is not "fermier").
function positionsIn(phrase: Phrase, queryTerms: readonly string[], isMisspelt: IsMisspelt): number {
  const terms = phrase.terms;
  let positions = 0;
  for (let start = 0; start + terms.length <= queryTerms.length; start++) {
    let isFound = true;
    for (let k = 0; k < terms.length && isFound; k++) {
      const typed = queryTerms[start + k]!;
      const term = terms[k]!;
      isFound =
        typed === term ||
        (isMisspelt(start + k) && typed[0] === term[0] && isWithinEdits(typed, term, allowedEdits(term)));
    }
    if (isFound) for (let k = 0; k < terms.length; k++) positions |= 1 << (start + k);
  }
  return positions;
}

function positionList(bits: number): number[] {
  const list: number[] = [];
  for (let position = 0; position < 32; position++) if (bits & (1 << position)) list.push(position);
  return list;
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
    let groupBits = 0;
    const found = group.map((phrase) => {
      const bits = positionsIn(phrase, queryTerms[phrase.lang], isMisspelt);
      groupBits |= bits;
      return bits !== 0;
    });
    if (groupBits === 0) continue;
    const words = positionList(groupBits);
    group.forEach((phrase, p) => {
      if (!found[p]) added[phrase.lang].push({ terms: phrase.terms, words });
    });
  }
  return added;
}
