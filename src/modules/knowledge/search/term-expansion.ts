import type SearchableMap from 'minisearch/SearchableMap';
import type { PlannedTerm } from './query-plan.js';

/** An index term to look up for a planned term, with the weight of the way it was reached. */
export interface DerivedTerm {
  term: string;
  weight: number;
}

export interface ExpansionOptions {
  /** Weight of a prefix match at no extra letter; fades as the completion grows (MiniSearch's rule). */
  prefix: number;
  /** Weight of a fuzzy match at no edit; fades with the edits (MiniSearch's rule). */
  fuzzy: number;
  /** At most this many completions of a word being typed, the shortest (closest) first. */
  maxCompletions: number;
  /** At most this many spellings near a misspelt word, the closest, then the most common, first. */
  maxNearSpellings: number;
}

// A word of one or two letters being typed could be the start of anything: wait for a third.
const MIN_PREFIX = 3;

/**
 * The terms of the index a planned term stands for: itself when the index knows it, its
 * completions when it is the word being typed, and the known terms within its allowed edits when
 * it may be misspelt. Looked up in the vocabulary (MiniSearch's radix tree), so that each is then
 * scored as an exact term.
 */
export function expandTerm(
  planned: PlannedTerm,
  vocabulary: Pick<SearchableMap<number>, 'atPrefix' | 'fuzzyGet'>,
  isKnown: (term: string) => boolean,
  options: ExpansionOptions,
): DerivedTerm[] {
  const derived = new Map<string, number>();
  if (isKnown(planned.term)) derived.set(planned.term, 1);
  if (planned.isPrefix && planned.term.length >= MIN_PREFIX) {
    const completions = [...vocabulary.atPrefix(planned.term).entries()]
      .filter(([term]) => term !== planned.term)
      .sort(([a, countA], [b, countB]) => a.length - b.length || countB - countA)
      .slice(0, options.maxCompletions);
    for (const [term] of completions) {
      const extra = term.length - planned.term.length;
      derived.set(term, (options.prefix * term.length) / (term.length + 0.3 * extra));
    }
  }
  // One typo is the common case, and looking one edit away costs a tenth of looking two away in a
  // large vocabulary: look further only when nothing is one edit away. Only among the words with
  // the same first letter, rarely the one mistyped (Lucene's "prefix length" of 1): a tenth again.
  for (let edits = 1; edits <= planned.edits; edits++) {
    const near = [...nearSpellings(vocabulary, planned.term, edits)]
      .filter(([term, [, distance]]) => distance > 0 && !derived.has(term))
      .sort(([, [countA, distanceA]], [, [countB, distanceB]]) => distanceA - distanceB || countB - countA)
      .slice(0, options.maxNearSpellings);
    for (const [term, [, distance]] of near) {
      derived.set(term, (options.fuzzy * term.length) / (term.length + distance));
    }
    if (near.length > 0) break;
  }
  return [...derived].map(([term, weight]) => ({ term, weight }));
}

function nearSpellings(
  vocabulary: Pick<SearchableMap<number>, 'atPrefix' | 'fuzzyGet'>,
  term: string,
  edits: number,
): Map<string, [number, number]> {
  const first = term.slice(0, 1);
  const near = new Map<string, [number, number]>();
  for (const [rest, found] of vocabulary.atPrefix(first).fuzzyGet(term.slice(1), edits))
    near.set(first + rest, found);
  return near;
}
