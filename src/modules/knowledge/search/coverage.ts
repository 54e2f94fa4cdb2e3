import { MAX_WORDS, type QueryPlan } from './query-plan.js';

/**
 * Counts, for many entries at once, the typed words each accounts for (see coveredWords in
 * query-plan.ts), from the planned terms each matched. Compiled once per query: terms become bit
 * positions, so that an entry's matched terms are a few integers, not a set of strings, and typed
 * words become bits too (a query holds at most MAX_WORDS, 32: one integer).
 */
export interface CoverageCounter {
  /** Bit position of a planned term, shared by the readings with the same spelling. */
  bitOf(term: string): number;
  /** Words needed for the bitset of matched terms. */
  readonly width: number;
  /** Typed words accounted for by an entry whose matched terms are `bits` (offset `at`, `width` long). */
  count(bits: Uint32Array, at: number): number;
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function wordMask(words: readonly number[]): number {
  let mask = 0;
  for (const word of words) if (word < MAX_WORDS) mask |= 1 << word;
  return mask;
}

export function compileCoverage(plan: QueryPlan): CoverageCounter {
  const positions = new Map<string, number>();
  const bitFor = (term: string) => {
    let bit = positions.get(term);
    if (bit === undefined) {
      bit = positions.size;
      positions.set(term, bit);
    }
    return bit;
  };
  for (const planned of plan.terms) bitFor(planned.term);
  for (const unit of plan.units) for (const term of unit.terms) bitFor(term);
  const width = Math.max(1, Math.ceil(positions.size / 32));
  // A unit of one term covers its words as soon as the term matched: folded into a per-term mask.
  const wordsOfBit = new Int32Array(positions.size);
  const multiTermUnits: Array<{ mask: Uint32Array; words: number }> = [];
  for (const unit of plan.units) {
    if (unit.terms.length === 1) {
      wordsOfBit[positions.get(unit.terms[0]!)!]! |= wordMask(unit.words);
      continue;
    }
    const mask = new Uint32Array(width);
    for (const term of unit.terms) {
      const bit = positions.get(term)!;
      mask[bit >>> 5]! |= 1 << (bit & 31);
    }
    multiTermUnits.push({ mask, words: wordMask(unit.words) });
  }
  return {
    bitOf: (term) => positions.get(term) ?? -1,
    width,
    count(bits, at) {
      let covered = 0;
      for (let w = 0; w < width; w++) {
        let set = bits[at + w]!;
        while (set !== 0) {
          const low = set & -set;
          covered |= wordsOfBit[w * 32 + (31 - Math.clz32(low))]!;
          set ^= low;
        }
      }
      for (const unit of multiTermUnits) {
        let isSatisfied = true;
        for (let w = 0; w < width && isSatisfied; w++) {
          isSatisfied = (bits[at + w]! & unit.mask[w]!) === unit.mask[w];
        }
        if (isSatisfied) covered |= unit.words;
      }
      return popCount(covered);
    },
  };
}
