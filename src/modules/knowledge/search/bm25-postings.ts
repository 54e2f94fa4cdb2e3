import type { EntryTerms } from './entry-terms.js';

/** BM25+ parameters (MiniSearch's defaults: k 1.2, b 0.7, d 0.5). */
export type Bm25 = { k: number; b: number; d: number };

/** BM25's weight of a term held by `matchingEntries` of `totalEntries`: the same for every entry. */
export function inverseFrequency(matchingEntries: number, totalEntries: number): number {
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

/**
 * The entries holding a term in one field, in the order they were added, with the term's count:
 * the first `length` places of the arrays (the rest is room to grow).
 */
type FieldPostings = { slots: Int32Array; frequencies: Int32Array; length: number };

// Added postings wait in a list until the next read, then go to their terms' lists all at once:
// appending each to its own term's list as it comes scatters millions of writes over the memory,
// which cost most of the time of building a large index. Fewer than this are appended one by one.
const MIN_BATCH = 4096;

/**
 * The inverted index of a fixed set of fields: for each term (by its number, see term-dictionary.ts)
 * and field, the entries (by slot) that hold it and how often, with each entry's field lengths (its
 * distinct terms) and their running averages, kept as MiniSearch keeps them. A term is found by
 * its number, postings are flat arrays, and a field's text is counted once per distinct term rather
 * than once per word: building 20,000 entries costs a fraction of what MiniSearch's `add` did.
 * Removing an entry walks the postings of its terms; changes are rare next to reads.
 */
export class Bm25Postings {
  /** Per term × field (term * fieldCount + field): its postings, if any entry holds it there. */
  private postings: Array<FieldPostings | undefined> = [];
  /** Per term: how many entries hold it in any field. */
  private readonly entries: number[] = [];
  /** Per term: the last change that counted it in `entries` (a term found in two fields counts once). */
  private readonly countedBy: number[] = [];
  private readonly fieldLengths: Array<number[] | undefined> = [];
  private readonly averageLengths: number[];
  private count = 0;
  private change = 0;
  private pending = {
    keys: new Int32Array(MIN_BATCH),
    slots: new Int32Array(MIN_BATCH),
    frequencies: new Int32Array(MIN_BATCH),
    length: 0,
  };

  constructor(private readonly fieldCount: number) {
    this.averageLengths = new Array<number>(fieldCount).fill(0);
  }

  /** How many entries hold the term in any field (0 for an unknown term). */
  entriesWith(term: number): number {
    return this.entries[term] ?? 0;
  }

  /**
   * Adds an entry's fields, given as its terms and how often each comes. Calls `onNewTerm` for each
   * term no entry held before.
   */
  add(slot: number, terms: EntryTerms, onNewTerm: (term: number) => void): void {
    const lengths: number[] = [];
    const change = ++this.change;
    this.count += 1;
    let start = 0;
    for (let field = 0; field < this.fieldCount; field++) {
      const end = terms.fieldEnds[field]!;
      const size = end - start;
      lengths[field] = size;
      // The running average as MiniSearch updates it, so scores match it to the last digit.
      this.averageLengths[field] = (this.averageLengths[field]! * (this.count - 1) + size) / this.count;
      for (let i = start; i < end; i++) {
        const term = terms.ids[i]!;
        while (this.entries.length <= term) {
          this.entries.push(0);
          this.countedBy.push(0);
        }
        if (this.countedBy[term] !== change) {
          this.countedBy[term] = change;
          this.entries[term]! += 1;
          if (this.entries[term] === 1) onNewTerm(term);
        }
        this.addPending(term * this.fieldCount + field, slot, terms.counts[i]!);
      }
      start = end;
    }
    this.fieldLengths[slot] = lengths;
  }

  /**
   * Removes the entry added at `slot` with these fields. Calls `onGoneTerm` for each term no entry
   * holds any more.
   */
  remove(slot: number, terms: EntryTerms, onGoneTerm: (term: number) => void): void {
    const lengths = this.fieldLengths[slot];
    if (!lengths) return;
    this.flush();
    const change = ++this.change;
    let start = 0;
    for (let field = 0; field < this.fieldCount; field++) {
      this.averageLengths[field] =
        this.count === 1
          ? 0
          : (this.averageLengths[field]! * this.count - lengths[field]!) / (this.count - 1);
      const end = terms.fieldEnds[field]!;
      for (let i = start; i < end; i++) {
        const term = terms.ids[i]!;
        const key = term * this.fieldCount + field;
        const postings = this.postings[key];
        if (!postings) continue;
        const at = postings.slots.subarray(0, postings.length).indexOf(slot);
        if (at < 0) continue;
        postings.slots.copyWithin(at, at + 1, postings.length);
        postings.frequencies.copyWithin(at, at + 1, postings.length);
        postings.length -= 1;
        if (postings.length === 0) this.postings[key] = undefined;
        if (this.countedBy[term] !== change) {
          this.countedBy[term] = change;
          this.entries[term]! -= 1;
          if (this.entries[term] === 0) onGoneTerm(term);
        }
      }
      start = end;
    }
    this.fieldLengths[slot] = undefined;
    this.count -= 1;
  }

  /**
   * The `limit` best entries for the term in the weighted fields, best first: each entry's score is
   * the sum over those fields of weight × BM25+. Equal scores keep the order MiniSearch listed them
   * in (by field, then by when the entry was added), so the ranking is MiniSearch's to the last tie.
   */
  best(term: number, weights: ReadonlyMap<number, number>, bm25: Bm25, limit: number): TermHits {
    if (!this.entriesWith(term)) return { slots: new Int32Array(0), scores: new Float64Array(0) };
    this.flush();
    // Scores by slot, and the slots in the order first reached: no hash map on this hot path, and
    // one scratch array for every call (cleared where it was written), not one per term.
    const scoreOf = this.scratch(this.fieldLengths.length);
    const isReached = this.reachedScratch;
    const reached: number[] = [];
    for (const [field, weight] of weights) {
      const postings = this.postings[term * this.fieldCount + field];
      if (!postings) continue;
      const average = this.averageLengths[field]!;
      const matching = postings.length;
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

  /** Moves the postings added since the last read into their terms' lists. */
  flush(): void {
    const pending = this.pending;
    if (pending.length < MIN_BATCH) {
      for (let i = 0; i < pending.length; i++)
        this.append(pending.keys[i]!, pending.slots[i]!, pending.frequencies[i]!);
    } else {
      this.placeBatch();
    }
    pending.length = 0;
  }

  private addPending(key: number, slot: number, frequency: number): void {
    const pending = this.pending;
    if (pending.length === pending.keys.length) {
      const capacity = pending.length * 2;
      pending.keys = grown(pending.keys, capacity);
      pending.slots = grown(pending.slots, capacity);
      pending.frequencies = grown(pending.frequencies, capacity);
    }
    pending.keys[pending.length] = key;
    pending.slots[pending.length] = slot;
    pending.frequencies[pending.length] = frequency;
    pending.length += 1;
  }

  private append(key: number, slot: number, frequency: number): void {
    this.makeRoomForKeys(key + 1);
    let postings = this.postings[key];
    if (!postings) {
      postings = { slots: new Int32Array(4), frequencies: new Int32Array(4), length: 0 };
      this.postings[key] = postings;
    } else if (postings.length === postings.slots.length) {
      postings.slots = grown(postings.slots, postings.length * 2);
      postings.frequencies = grown(postings.frequencies, postings.length * 2);
    }
    postings.slots[postings.length] = slot;
    postings.frequencies[postings.length] = frequency;
    postings.length += 1;
  }

  /**
   * Places a large batch by a counting sort on the term × field key: the batch's postings of each
   * key end up side by side, in the order they were added, in two arrays shared by the keys (each
   * key's list is a view of them until it must grow). A key that had postings gets its new ones
   * appended. The work is in the batch's size and the keys it touches, not the whole vocabulary's,
   * so that an index built in many small batches pays no more than one built at once.
   */
  private placeBatch(): void {
    const { keys, slots, frequencies, length } = this.pending;
    const keyCount = this.entries.length * this.fieldCount;
    const next = this.keyCounts(keyCount);
    this.makeRoomForKeys(keyCount);
    const touched: number[] = [];
    for (let i = 0; i < length; i++) {
      if (next[keys[i]!] === 0) touched.push(keys[i]!);
      next[keys[i]!]! += 1;
    }
    // Each touched key's place in the sorted arrays; `next` becomes where its next posting goes.
    const starts = new Int32Array(touched.length);
    let offset = 0;
    touched.forEach((key, k) => {
      starts[k] = offset;
      offset += next[key]!;
      next[key] = starts[k]!;
    });
    const sortedSlots = new Int32Array(length);
    const sortedFrequencies = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const at = next[keys[i]!]!;
      next[keys[i]!] = at + 1;
      sortedSlots[at] = slots[i]!;
      sortedFrequencies[at] = frequencies[i]!;
    }
    touched.forEach((key, k) => {
      const start = starts[k]!;
      const end = next[key]!;
      next[key] = 0;
      if (this.postings[key]) {
        for (let i = start; i < end; i++) this.append(key, sortedSlots[i]!, sortedFrequencies[i]!);
      } else {
        this.postings[key] = {
          slots: sortedSlots.subarray(start, end),
          frequencies: sortedFrequencies.subarray(start, end),
          length: end - start,
        };
      }
    });
    // A large build leaves a large list behind: start small again.
    if (this.pending.keys.length > MIN_BATCH * 4) {
      this.pending = {
        keys: new Int32Array(MIN_BATCH),
        slots: new Int32Array(MIN_BATCH),
        frequencies: new Int32Array(MIN_BATCH),
        length: 0,
      };
    }
  }

  // Grown by pushes: an array given a large length at once can fall back to a slow dictionary.
  private makeRoomForKeys(keyCount: number): void {
    while (this.postings.length < keyCount) this.postings.push(undefined);
  }

  // Zero between batches: placeBatch clears what it wrote.
  private keyCountScratch = new Int32Array(0);

  private keyCounts(keyCount: number): Int32Array {
    if (this.keyCountScratch.length < keyCount) this.keyCountScratch = new Int32Array(keyCount * 2);
    return this.keyCountScratch;
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

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(capacity);
  larger.set(array.subarray(0, Math.min(array.length, capacity)));
  return larger;
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
