import { compileCoverage } from './coverage.js';
import type { QueryPlan } from './query-plan.js';
import { type ExpansionOptions, expandTerm } from './term-expansion.js';
import type { TermIndex } from './term-index.js';
import type { Lang } from './types.js';

export interface ScoringOptions extends ExpansionOptions {
  /**
   * Entries taken from a term's best for a term reached indirectly (completion, near spelling,
   * synonym, compound part): it weighs less, so its tail decides less. Typed terms take all kept.
   */
  secondaryDepth: number;
  /** Exponent of the number of typed words an entry accounts for, multiplying its score. */
  coverageExponent: number;
}

export interface Scoring {
  /** Slots of the entries reached, and their scores at the same positions. */
  slots: number[];
  scores: Float64Array;
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
 * of a synonym ("droit" in "droit passerelle parental").
 */
export function scoreEntries(
  plan: QueryPlan,
  requestLang: Lang,
  index: TermIndex,
  options: ScoringOptions,
): Scoring {
  const coverage = compileCoverage(plan);
  const width = coverage.width;
  // Entries reached get local numbers 0..n-1, so that sums and matched terms sit in flat arrays;
  // the slot → number table is reused across searches, its entries valid for the current `epoch`.
  const table = localTable(index.slots);
  const slots: number[] = [];
  const sums: number[] = [];
  let bits = new Uint32Array(256 * width);
  const reachedTerms = new Set<string>();
  for (const planned of plan.terms) {
    const bit = coverage.bitOf(planned.term);
    const word = bit >>> 5;
    const flag = 1 << (bit & 31);
    for (const derived of expandTerm(planned, index.vocabulary, index.countOf, options)) {
      reachedTerms.add(derived.term);
      const weight = planned.weight * derived.weight;
      const hits = index.hitsOf(derived.term, planned.lang, planned.lang === requestLang);
      const depth = weight === 1 ? hits.slots.length : Math.min(hits.slots.length, options.secondaryDepth);
      for (let h = 0; h < depth; h++) {
        const slot = hits.slots[h]!;
        let local: number;
        if (table.epochOf[slot] === table.epoch) local = table.localOf[slot]!;
        else {
          local = slots.length;
          table.epochOf[slot] = table.epoch;
          table.localOf[slot] = local;
          slots.push(slot);
          sums.push(0);
          if ((local + 1) * width > bits.length) {
            const grown = new Uint32Array(bits.length * 2);
            grown.set(bits);
            bits = grown;
          }
        }
        sums[local]! += hits.scores[h]! * weight;
        bits[local * width + word]! |= flag;
      }
    }
  }
  const scores = new Float64Array(slots.length);
  for (let local = 0; local < slots.length; local++) {
    scores[local] = sums[local]! * coverage.count(bits, local * width) ** options.coverageExponent;
  }
  return { slots, scores, reachedTerms };
}

interface LocalTable {
  epoch: number;
  epochOf: Uint32Array;
  localOf: Int32Array;
}

let shared: LocalTable = { epoch: 0, epochOf: new Uint32Array(0), localOf: new Int32Array(0) };

// Searches run one at a time (synchronous code), so one table serves them all.
function localTable(size: number): LocalTable {
  if (shared.epochOf.length < size || shared.epoch >= 0xffffffff) {
    const capacity = Math.max(size, shared.epochOf.length * 2, 1024);
    shared = { epoch: 0, epochOf: new Uint32Array(capacity), localOf: new Int32Array(capacity) };
  }
  shared.epoch++;
  return shared;
}
