/** BM25+ parameters (MiniSearch's defaults: k 1.2, b 0.7, d 0.5). */
export type Bm25 = { k: number; b: number; d: number };

/** BM25's weight of a term held by `matchingEntries` of `totalEntries`: the same for every entry. */
function inverseFrequency(matchingEntries: number, totalEntries: number): number {
  return Math.log(1 + (totalEntries - matchingEntries + 0.5) / (matchingEntries + 0.5));
}

/**
 * BM25+ of one term in one field of one entry, given the term's weight: MiniSearch's formula in
 * MiniSearch's order of operations, so that the ranking tuned on the development queries stays the
 * same to the last bit.
 */
function bm25Saturation(
  weight: number,
  termFrequency: number,
  fieldLength: number,
  averageFieldLength: number,
  { k, b, d }: Bm25,
): number {
  return (
    weight *
    (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)))
  );
}

const NO_TERMS: ReadonlyMap<string, number> = new Map();

/** The entries holding a term in one field, in the order they were added, with the term's count. */
type FieldPostings = { slots: number[]; frequencies: number[] };

type TermRecord = {
  fields: Array<FieldPostings | undefined>;
  /** How many entries hold the term in any field. */
  entries: number;
  /** The last change that counted this term in `entries`: a term found in two fields counts once. */
  countedBy: number;
};

/**
 * The inverted index of a fixed set of fields: for each term and field, the entries (by slot) that
 * hold it and how often, with each entry's field lengths (its distinct terms) and their running
 * averages, kept as MiniSearch keeps them. A term is found by a hash lookup, not a walk down a tree,
 * postings are flat arrays, and a field's text is counted once per distinct term rather than once
 * per word: building 20,000 entries costs a fraction of what MiniSearch's `add` did. Removing an
 * entry walks the postings of its terms; changes are rare next to reads.
 */
export class Bm25Postings {
  private readonly terms = new Map<string, TermRecord>();
  private readonly fieldLengths: Array<number[] | undefined> = [];
  private readonly averageLengths: number[];
  private count = 0;
  private change = 0;

  constructor(private readonly fieldCount: number) {
    this.averageLengths = new Array<number>(fieldCount).fill(0);
  }

  /** How many entries hold the term in any field (0 for an unknown term). */
  entriesWith(term: string): number {
    return this.terms.get(term)?.entries ?? 0;
  }

  /**
   * Adds an entry's fields, each given as its terms and how often each comes. Calls `onNewTerm`
   * for each term no entry held before.
   */
  add(slot: number, fields: readonly ReadonlyMap<string, number>[], onNewTerm: (term: string) => void): void {
    const lengths: number[] = [];
    const change = ++this.change;
    this.count += 1;
    for (let field = 0; field < this.fieldCount; field++) {
      const frequencies = fields[field] ?? NO_TERMS;
      lengths[field] = frequencies.size;
      // The running average as MiniSearch updates it, so scores match it to the last digit.
      this.averageLengths[field] =
        (this.averageLengths[field]! * (this.count - 1) + frequencies.size) / this.count;
      for (const [term, frequency] of frequencies) {
        let record = this.terms.get(term);
        if (!record) {
          record = { fields: new Array(this.fieldCount), entries: 0, countedBy: 0 };
          this.terms.set(term, record);
          onNewTerm(term);
        }
        if (record.countedBy !== change) {
          record.countedBy = change;
          record.entries += 1;
        }
        let postings = record.fields[field];
        if (!postings) {
          postings = { slots: [], frequencies: [] };
          record.fields[field] = postings;
        }
        postings.slots.push(slot);
        postings.frequencies.push(frequency);
      }
    }
    this.fieldLengths[slot] = lengths;
  }

  /**
   * Removes the entry added at `slot` with these fields. Calls `onGoneTerm` for each term no entry
   * holds any more.
   */
  remove(
    slot: number,
    fields: readonly ReadonlyMap<string, number>[],
    onGoneTerm: (term: string) => void,
  ): void {
    const lengths = this.fieldLengths[slot];
    if (!lengths) return;
    const change = ++this.change;
    for (let field = 0; field < this.fieldCount; field++) {
      this.averageLengths[field] =
        this.count === 1
          ? 0
          : (this.averageLengths[field]! * this.count - lengths[field]!) / (this.count - 1);
      for (const term of (fields[field] ?? NO_TERMS).keys()) {
        const record = this.terms.get(term);
        const postings = record?.fields[field];
        if (!record || !postings) continue;
        const at = postings.slots.indexOf(slot);
        if (at < 0) continue;
        postings.slots.splice(at, 1);
        postings.frequencies.splice(at, 1);
        if (postings.slots.length === 0) record.fields[field] = undefined;
        if (record.countedBy !== change) {
          record.countedBy = change;
          record.entries -= 1;
          if (record.entries === 0) {
            this.terms.delete(term);
            onGoneTerm(term);
          }
        }
      }
    }
    this.fieldLengths[slot] = undefined;
    this.count -= 1;
  }

  /**
   * The `limit` best entries for the term in the weighted fields, best first: each entry's score is
   * the sum over those fields of weight × BM25+. Equal scores keep the order MiniSearch listed them
   * in (by field, then by when the entry was added), so the ranking is MiniSearch's to the last tie.
   */
  best(term: string, weights: ReadonlyMap<number, number>, bm25: Bm25, limit: number): TermHits {
    const record = this.terms.get(term);
    if (!record) return { slots: new Int32Array(0), scores: new Float64Array(0) };
    // Scores by slot, and the slots in the order first reached: no hash map on this hot path, and
    // one scratch array for every call (cleared where it was written), not one per term.
    const scoreOf = this.scratch(this.fieldLengths.length);
    const isReached = this.reachedScratch;
    const reached: number[] = [];
    for (const [field, weight] of weights) {
      const postings = record.fields[field];
      if (!postings) continue;
      const average = this.averageLengths[field]!;
      const matching = postings.slots.length;
      const idf = inverseFrequency(matching, this.count);
      for (let i = 0; i < matching; i++) {
        const slot = postings.slots[i]!;
        const length = this.fieldLengths[slot]![field]!;
        if (!isReached[slot]) {
          isReached[slot] = 1;
          reached.push(slot);
        }
        scoreOf[slot] =
          scoreOf[slot]! + weight * bm25Saturation(idf, postings.frequencies[i]!, length, average, bm25);
      }
    }
    const kept = topInOrder(reached, scoreOf, limit);
    const hits = { slots: Int32Array.from(kept), scores: Float64Array.from(kept, (slot) => scoreOf[slot]!) };
    for (const slot of reached) {
      scoreOf[slot] = 0;
      isReached[slot] = 0;
    }
    return hits;
  }

  private scores = new Float64Array(0);
  private reachedScratch = new Uint8Array(0);

  private scratch(size: number): Float64Array {
    if (this.scores.length < size) {
      this.scores = new Float64Array(size * 2);
      this.reachedScratch = new Uint8Array(size * 2);
    }
    return this.scores;
  }
}

/** A term's best entries, best first: their slots and their scores for the term. */
export interface TermHits {
  slots: Int32Array;
  scores: Float64Array;
}

/**
 * The `limit` best of `slots` by `scoreOf`, best first, equal scores in their order in `slots`: what
 * a stable sort of all of them then a cut would give, without sorting thousands of entries for a
 * common word (the cut-off score is found by selection first).
 */
export function topInOrder(slots: readonly number[], scoreOf: Float64Array, limit: number): number[] {
  let candidates = slots;
  if (slots.length > limit) {
    const values = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) values[i] = scoreOf[slots[i]!]!;
    const cutoff = kthLargest(values, limit);
    let above = 0;
    for (const slot of slots) if (scoreOf[slot]! > cutoff) above++;
    // Of the entries at the cut-off score, the first ones in order fill the places left.
    let atCutoffLeft = limit - above;
    const kept: number[] = [];
    for (const slot of slots) {
      const score = scoreOf[slot]!;
      if (score > cutoff) kept.push(slot);
      else if (score === cutoff && atCutoffLeft > 0) {
        kept.push(slot);
        atCutoffLeft--;
      }
    }
    candidates = kept;
  }
  // Array.prototype.sort is stable: equal scores keep their order.
  return [...candidates].sort((a, b) => scoreOf[b]! - scoreOf[a]!);
}

/** The k-th largest value (1-based) by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}
