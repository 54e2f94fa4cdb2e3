import { forEachWord } from './normalize.js';
import type { TermDictionary } from './term-dictionary.js';
import type { Lang } from './types.js';

/**
 * The terms of an entry's fields by number, with how often each comes in its field: what
 * indexTermCounts gives for each field, in the same order (each field's terms as first met, a
 * word's term before its parts), without a hash map per field.
 */
export interface EntryTerms {
  /** Term numbers, field after field. */
  ids: Int32Array;
  /** How often each comes in its field. */
  counts: Int32Array;
  /** Where each field's terms end in `ids`: field f holds [fieldEnds[f - 1] or 0, fieldEnds[f]). */
  fieldEnds: Int32Array;
}

/** A field of an entry: its text and the language it is analysed in. */
export type FieldText = { text: string; lang: Lang };

/**
 * Counts the terms of entries' fields. The arrays it returns are reused by its next call: read
 * them before counting another entry.
 */
export class EntryTermCounter {
  private ids = new Int32Array(512);
  private counts = new Int32Array(512);
  private readonly fieldEnds: Int32Array;
  // Per term number: the field it was last met in, and where it sits in `ids` then.
  private fieldOf = new Int32Array(1024);
  private positionOf = new Int32Array(1024);
  private field = 0;
  private length = 0;

  constructor(
    private readonly dictionary: TermDictionary,
    fieldCount: number,
  ) {
    this.fieldEnds = new Int32Array(fieldCount);
  }

  count(fields: readonly FieldText[]): EntryTerms {
    this.length = 0;
    fields.forEach(({ text, lang }, f) => {
      // Numbered across calls so that `fieldOf` never needs clearing.
      this.field += 1;
      forEachWord(text, (word) => {
        const terms = this.dictionary.termsOfWord(word, lang);
        if (terms) for (const id of terms) this.countTerm(id);
      });
      this.fieldEnds[f] = this.length;
    });
    return { ids: this.ids, counts: this.counts, fieldEnds: this.fieldEnds };
  }

  private countTerm(id: number): void {
    if (id >= this.fieldOf.length) this.growTerms(id + 1);
    if (this.fieldOf[id] === this.field) {
      this.counts[this.positionOf[id]!]! += 1;
      return;
    }
    if (this.length === this.ids.length) this.growEntry();
    this.fieldOf[id] = this.field;
    this.positionOf[id] = this.length;
    this.ids[this.length] = id;
    this.counts[this.length] = 1;
    this.length += 1;
  }

  private growTerms(size: number): void {
    const capacity = Math.max(size, this.fieldOf.length * 2);
    this.fieldOf = grown(this.fieldOf, capacity);
    this.positionOf = grown(this.positionOf, capacity);
  }

  private growEntry(): void {
    this.ids = grown(this.ids, this.ids.length * 2);
    this.counts = grown(this.counts, this.counts.length * 2);
  }
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(capacity);
  larger.set(array);
  return larger;
}
