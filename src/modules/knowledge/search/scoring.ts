import { inverseFrequency } from './bm25-postings.js';
import { type CoverageCounter, compileCoverage } from './coverage.js';
import type { QueryPlan } from './query-plan.js';
import { generalityFactor, questionCoverage, questionTermsOfEntry } from './question-coverage.js';
import { type ExpansionOptions, expandTerm } from './term-expansion.js';
import type { TermIndex } from './term-index.js';
import { themeFactor, themeTermsOfEntry } from './theme-coverage.js';
import type { Lang } from './types.js';

export interface ScoringOptions extends ExpansionOptions {
  /**
   * Entries taken from a term's best for a term reached indirectly (completion, near spelling,
   * synonym, compound part): it weighs less, so its tail decides less. Typed terms take all kept.
   */
  secondaryDepth: number;
  /** Exponent of the number of typed words an entry accounts for, multiplying its score. */
  coverageExponent: number;
  /**
   * Weight of the share of an entry's question the query covers, for entries whose question holds
   * every typed word (see question-coverage.ts); 0 leaves it out.
   */
  questionCoverage: number;
  /**
   * Weight of the share of the typed words an entry's theme name accounts for, for entries whose
   * theme the query names (see theme-coverage.ts); 0 leaves it out.
   */
  themeCoverage: number;
}

export interface Scoring {
  /** How many entries the query reached. */
  count: number;
  /**
   * Slots of the entries reached (first `count`), and their scores at the same positions. Buffers
   * shared by all searches: read them before the next search.
   */
  slots: Int32Array;
  scores: Float64Array;
  /**
   * The same scores before the bonus of general entries: what the noise threshold compares, so that
   * an entry about the topic itself does not push the others out of the results.
   */
  matchScores: Float64Array;
  /** Every index term the query reached: what highlights mark. */
  reachedTerms: Set<string>;
}

/**
 * Scores the entries a query reaches. Each planned term is looked up as the index terms it stands
 * for (itself, completions, near spellings); an entry adds up MiniSearch's scores for those terms,
 * weighted by how each was reached (typed, completed, misspelt, synonym), then is multiplied by the
 * number of typed words it accounts for. That count replaces MiniSearch's own multiplier (the
 * number of query terms matched): here the terms are two readings of each word plus synonyms and
 * compound parts, so it would reward an entry for matching one word twice, or for the common words
 * of a synonym ("droit" in "droit passerelle parental"). Last, an entry whose question holds every
 * typed word gains by how much of that question the query covers: the general before the particular.
 */
export function scoreEntries(
  plan: QueryPlan,
  requestLang: Lang,
  index: TermIndex,
  options: ScoringOptions,
): Scoring {
  const coverage = compileCoverage(plan);
  const width = coverage.width;
  const work = workspace(index.slots, width);
  let count = 0;
  const reachedTerms = new Set<string>();
  // Per index term reached, the bits of the planned terms it was reached for.
  const plannedBitsOf = new Map<string, number[]>();
  for (const planned of plan.terms) {
    const bit = coverage.bitOf(planned.term);
    const word = bit >>> 5;
    const flag = 1 << (bit & 31);
    for (const derived of expandTerm(planned, index.vocabulary, index.countOf, options)) {
      reachedTerms.add(derived.term);
      const bits = plannedBitsOf.get(derived.term);
      if (!bits) plannedBitsOf.set(derived.term, [bit]);
      else if (!bits.includes(bit)) bits.push(bit);
      const weight = planned.weight * derived.weight;
      const hits = index.hitsOf(derived.term, planned.lang, planned.lang === requestLang);
      const depth = weight === 1 ? hits.slots.length : Math.min(hits.slots.length, options.secondaryDepth);
      for (let h = 0; h < depth; h++) {
        const slot = hits.slots[h]!;
        let local: number;
        if (work.epochOf[slot] === work.epoch) local = work.localOf[slot]!;
        else {
          local = count++;
          work.epochOf[slot] = work.epoch;
          work.localOf[slot] = local;
          work.slots[local] = slot;
          work.sums[local] = 0;
          work.bits.fill(0, local * width, (local + 1) * width);
        }
        work.sums[local]! += hits.scores[h]! * weight;
        work.bits[local * width + word]! |= flag;
      }
    }
  }
  for (let local = 0; local < count; local++) {
    work.sums[local] =
      work.sums[local]! * coverage.count(work.bits, local * width) ** options.coverageExponent;
  }
  work.matchSums.set(work.sums.subarray(0, count));
  if (options.questionCoverage > 0) {
    favourGeneralEntries(plan, coverage, plannedBitsOf, index, work, count, options.questionCoverage);
  }
  if (options.themeCoverage > 0) {
    favourEntriesOfNamedTheme(plan, coverage, plannedBitsOf, index, work, count, options.themeCoverage);
  }
  return { count, slots: work.slots, scores: work.sums, matchScores: work.matchSums, reachedTerms };
}

const LANGS = ['fr', 'nl'] as const;

/**
 * Multiplies the score of each entry whose question, in either language, holds every typed word by
 * generalityFactor of the share of that question the query covers (its words weighed by their
 * inverse document frequency, as BM25 weighs them).
 */
function favourGeneralEntries(
  plan: QueryPlan,
  coverage: CoverageCounter,
  plannedBitsOf: ReadonlyMap<string, readonly number[]>,
  index: TermIndex,
  work: Workspace,
  count: number,
  weight: number,
): void {
  const inverseFrequencies = new Map<string, number>();
  const weightOf = (term: string): number => {
    let idf = inverseFrequencies.get(term);
    if (idf === undefined) {
      idf = inverseFrequency(index.countOf(term), index.size);
      inverseFrequencies.set(term, idf);
    }
    return idf;
  };
  const isReached = (term: string) => plannedBitsOf.has(term);
  const matched = new Uint32Array(coverage.width);
  for (let local = 0; local < count; local++) {
    // An entry that does not account for every typed word has no question that holds them all.
    if (coverage.count(work.bits, local * coverage.width) < plan.wordCount) continue;
    const questions = questionTermsOfEntry(index.entryAt(work.slots[local]!));
    let best = 0;
    for (const lang of LANGS) {
      const terms = questions[lang];
      matched.fill(0);
      for (let t = 0; t < terms.length; t++) {
        const bits = plannedBitsOf.get(terms[t]!);
        if (bits === undefined) continue;
        for (let b = 0; b < bits.length; b++) matched[bits[b]! >>> 5]! |= 1 << (bits[b]! & 31);
      }
      if (coverage.count(matched, 0) < plan.wordCount) continue;
      best = Math.max(best, questionCoverage(terms, isReached, weightOf));
    }
    if (best > 0) work.sums[local]! *= generalityFactor(best, weight);
  }
}

/**
 * Multiplies the score of each entry that accounts for every typed word and whose theme's name, in
 * either language, the query holds whole, by themeFactor of the share of the typed words that name
 * accounts for.
 */
function favourEntriesOfNamedTheme(
  plan: QueryPlan,
  coverage: CoverageCounter,
  plannedBitsOf: ReadonlyMap<string, readonly number[]>,
  index: TermIndex,
  work: Workspace,
  count: number,
  weight: number,
): void {
  if (plan.wordCount === 0) return;
  const matched = new Uint32Array(coverage.width);
  for (let local = 0; local < count; local++) {
    if (coverage.count(work.bits, local * coverage.width) < plan.wordCount) continue;
    const names = themeTermsOfEntry(index.entryAt(work.slots[local]!));
    let best = 0;
    for (const lang of LANGS) {
      const terms = names[lang];
      if (terms.length === 0 || !terms.every((term) => plannedBitsOf.has(term))) continue;
      matched.fill(0);
      for (const term of terms) {
        for (const bit of plannedBitsOf.get(term)!) matched[bit >>> 5]! |= 1 << (bit & 31);
      }
      best = Math.max(best, coverage.count(matched, 0) / plan.wordCount);
    }
    if (best > 0) work.sums[local]! *= themeFactor(best, weight);
  }
}

/**
 * Flat arrays for one search, reused by the next (searches run one at a time: synchronous code),
 * so that a search allocates almost nothing however many entries it reaches: a slot → local number
 * table (its entries valid for the current `epoch`, so it needs no clearing), the slots and sums of
 * the entries reached, and their matched-term bits.
 */
interface Workspace {
  epoch: number;
  epochOf: Uint32Array;
  localOf: Int32Array;
  slots: Int32Array;
  sums: Float64Array;
  /** The sums before the bonus of general entries. */
  matchSums: Float64Array;
  bits: Uint32Array;
}

let shared: Workspace | undefined;

function workspace(size: number, width: number): Workspace {
  const capacity = Math.max(size, 1024);
  if (
    !shared ||
    shared.epochOf.length < size ||
    shared.bits.length < capacity * width ||
    shared.epoch >= 0xffffffff
  ) {
    const length = Math.max(capacity, (shared?.epochOf.length ?? 0) * 2);
    shared = {
      epoch: 0,
      epochOf: new Uint32Array(length),
      localOf: new Int32Array(length),
      slots: new Int32Array(length),
      sums: new Float64Array(length),
      matchSums: new Float64Array(length),
      bits: new Uint32Array(
        length * Math.max(width, shared ? shared.bits.length / shared.epochOf.length : 1),
      ),
    };
  }
  shared.epoch++;
  return shared;
}
