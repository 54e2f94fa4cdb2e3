import type SearchableMap from 'minisearch/SearchableMap';
import type { PlannedTerm } from './query-plan.js';

/** The terms of the index, as MiniSearch's radix tree: for completions and near spellings. */
export type Vocabulary = Pick<SearchableMap<true>, 'atPrefix' | 'fuzzyGet'>;

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

// Completions read from the tree before choosing the shortest: a short start in a large vocabulary
// has thousands, and the search must not wait for them all.
const MAX_COMPLETIONS_READ = 300;

function firstKeys(keys: Iterable<string>, max: number): string[] {
  const first: string[] = [];
  for (const key of keys) {
    if (first.length >= max) break;
    first.push(key);
  }
  return first;
}

/**
 * The terms of the index a planned term stands for: itself when the index knows it, its
 * completions when it is the word being typed, and the known terms within its allowed edits when
 * it may be misspelt. Looked up in the vocabulary (MiniSearch's radix tree), so that each is then
 * scored as an exact term.
 */
export function expandTerm(
  planned: PlannedTerm,
  vocabulary: Vocabulary,
  countOf: (term: string) => number,
  options: ExpansionOptions,
): DerivedTerm[] {
  const derived = new Map<string, number>();
  if (countOf(planned.term) > 0) derived.set(planned.term, 1);
  if (planned.isPrefix && planned.term.length >= MIN_PREFIX) {
    const completions = firstKeys(vocabulary.atPrefix(planned.term).keys(), MAX_COMPLETIONS_READ)
      .filter((term) => term !== planned.term)
      .map((term) => ({ term, count: countOf(term) }))
      .sort((a, b) => a.term.length - b.term.length || b.count - a.count)
      .slice(0, options.maxCompletions);
    for (const { term } of completions) {
      const extra = term.length - planned.term.length;
      derived.set(term, (options.prefix * term.length) / (term.length + 0.3 * extra));
    }
  }
  // A word being typed that starts known words is unfinished, not misspelt.
  const isUnfinished = derived.size > 0 && countOf(planned.term) === 0;
  // One typo is the common case, and looking one edit away costs a tenth of looking two away in a
  // large vocabulary: look further only when nothing is one edit away. Only among the words that
  // start the same, rarely where one mistypes (Lucene's "prefix length"): a tenth again.
  for (let edits = 1; edits <= (isUnfinished ? 0 : planned.edits); edits++) {
    const near = [...nearSpellings(vocabulary, planned.term, edits)]
      .filter(([term, distance]) => distance > 0 && !derived.has(term))
      .map(([term, distance]) => ({ term, distance, count: countOf(term) }))
      .sort((a, b) => a.distance - b.distance || b.count - a.count)
      .slice(0, options.maxNearSpellings);
    for (const { term, distance } of near) {
      derived.set(term, (options.fuzzy * term.length) / (term.length + distance));
    }
    if (near.length > 0) break;
  }
  return [...derived].map(([term, weight]) => ({ term, weight }));
}

// Known terms within `edits` of a term and starting as it does (its first letter; its first two when
// looking two edits away, ten times costlier again), with their distance.
function nearSpellings(vocabulary: Vocabulary, term: string, edits: number): Map<string, number> {
  const first = term.slice(0, edits > 1 ? 2 : 1);
  const near = new Map<string, number>();
  for (const [rest, [, distance]] of vocabulary.atPrefix(first).fuzzyGet(term.slice(first.length), edits)) {
    near.set(first + rest, distance);
  }
  return near;
}
