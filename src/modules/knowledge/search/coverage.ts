import type { QueryPlan } from './query-plan.js';

/**
 * Counts, for many entries at once, the typed words each accounts for (see coveredWords in
 * query-plan.ts), from the planned terms each matched. Compiled once per query: terms become bit
 * positions, so that an entry's matched terms are a few integers, not a set of strings.
 */
export interface CoverageCounter {
  /** Bit position of a planned term, shared by the readings with the same spelling. */
  bitOf(term: string): number;
  /** Words needed for the bitset of matched terms. */
  readonly width: number;
  /** Typed words accounted for by an entry whose matched terms are `bits` (offset `at`, `width` long). */
  count(bits: Uint32Array, at: number): number;
}

export function compileCoverage(plan: QueryPlan): CoverageCounter {
  const positions = new Map<string, number>();
  for (const unit of plan.units)
    for (const term of unit.terms) if (!positions.has(term)) positions.set(term, positions.size);
  for (const planned of plan.terms)
    if (!positions.has(planned.term)) positions.set(planned.term, positions.size);
  const width = Math.max(1, Math.ceil(positions.size / 32));
  const units = plan.units.map((unit) => {
    const mask = new Uint32Array(width);
    for (const term of unit.terms) {
      const bit = positions.get(term)!;
      mask[bit >>> 5]! |= 1 << (bit & 31);
    }
    return { mask, words: unit.words };
  });
  const covered = new Uint8Array(plan.wordCount);
  return {
    bitOf: (term) => positions.get(term) ?? -1,
    width,
    count(bits, at) {
      covered.fill(0);
      let total = 0;
      for (const unit of units) {
        let isSatisfied = true;
        for (let w = 0; w < width; w++) {
          const need = unit.mask[w]!;
          if ((bits[at + w]! & need) !== need) {
            isSatisfied = false;
            break;
          }
        }
        if (!isSatisfied) continue;
        for (const word of unit.words) {
          if (!covered[word]) {
            covered[word] = 1;
            total++;
          }
        }
      }
      return total;
    },
  };
}
