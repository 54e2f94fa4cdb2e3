import SearchableMap from 'minisearch/SearchableMap';
import { type Bm25, Bm25Postings, type TermHits } from './bm25-postings.js';
import { EntryTermCounter, type EntryTerms, type FieldText } from './entry-terms.js';
import { TermDictionary } from './term-dictionary.js';
import type { Lang, SearchableEntry } from './types.js';

/** Field weights and BM25 parameters the term index scores with. */
export interface TermScoring {
  question: number;
  tags: number;
  answer: number;
  otherLanguage: number;
  bm25: Bm25;
  /** Entries kept per term (see hitsOf). */
  termDepth: number;
}

const KINDS = ['question', 'tags', 'answer'] as const;
const FIELDS = (['fr', 'nl'] as const).flatMap((lang) => KINDS.map((kind) => `${kind}_${lang}`));

function langOf(field: string): Lang {
  return field.endsWith('_nl') ? 'nl' : 'fr';
}

function fieldText(entry: SearchableEntry, field: string): string {
  const lang = langOf(field);
  if (field.startsWith('question')) return entry[lang].question;
  if (field.startsWith('answer')) return entry[lang].answer;
  return entry.tags.join(' \n ');
}

const fieldTextsOf = (entry: SearchableEntry): FieldText[] =>
  FIELDS.map((field) => ({ text: fieldText(entry, field), lang: langOf(field) }));

// Bounds the memory of scored terms: a few thousand distinct terms cover a day of questions.
const HITS_CACHE_LIMIT = 20_000;

/**
 * The entries, their terms and the vocabulary, kept in step. The postings (bm25-postings.ts) score
 * a term's entries as MiniSearch did (BM25+ with field boosts, per language: question, tags and
 * answer in French and in Dutch); MiniSearch's radix tree holds the vocabulary, for completions and
 * near spellings. Each entry has a slot number, so that a search can add up scores in flat arrays.
 */
export function createTermIndex(scoring: TermScoring) {
  const entries: Array<SearchableEntry | undefined> = [];
  const slotOf = new Map<string, number>();
  const freeSlots: number[] = [];
  // The vocabulary as a tree, for completions and near spellings; the postings tell how many
  // entries hold a term, by a hash lookup.
  const vocabulary = new SearchableMap<true>();
  const hitsCache = new Map<string, TermHits>();
  const dictionary = new TermDictionary();
  const counter = new EntryTermCounter(dictionary, FIELDS.length);
  const postings = new Bm25Postings(FIELDS.length);
  const learn = (term: number) => vocabulary.set(dictionary.termAt(term), true);
  const forget = (term: number) => vocabulary.delete(dictionary.termAt(term));
  const termsOf = (entry: SearchableEntry) => counter.count(fieldTextsOf(entry));

  // A change moves the best entries of the terms it touches: those are scored afresh. It also moves,
  // very slightly, every term's weight (BM25 counts the entries): once the count has drifted by 1 %,
  // everything is scored afresh.
  let sizeWhenScored = 0;
  const forgetHitsOf = (terms: EntryTerms) => {
    // While the index is built nothing has been scored yet: no need to walk the entry's terms.
    if (hitsCache.size === 0) {
      sizeWhenScored = slotOf.size;
      return;
    }
    const size = slotOf.size;
    if (Math.abs(size - sizeWhenScored) > Math.max(1, size / 100)) {
      hitsCache.clear();
      sizeWhenScored = size;
      return;
    }
    const termCount = terms.fieldEnds[terms.fieldEnds.length - 1]!;
    for (const id of new Set(terms.ids.subarray(0, termCount))) {
      const term = dictionary.termAt(id);
      for (const key of [`+fr:${term}`, `-fr:${term}`, `+nl:${term}`, `-nl:${term}`]) hitsCache.delete(key);
    }
  };

  const remove = (ref: string): void => {
    const slot = slotOf.get(ref);
    if (slot === undefined) return;
    const terms = termsOf(entries[slot]!);
    postings.remove(slot, terms, forget);
    entries[slot] = undefined;
    slotOf.delete(ref);
    forgetHitsOf(terms);
    freeSlots.push(slot);
  };

  // The entry's postings wait for the next read (see Bm25Postings.flush): add many, then flush.
  const add = (entry: SearchableEntry): void => {
    remove(entry.ref);
    const terms = termsOf(entry);
    const slot = freeSlots.pop() ?? entries.length;
    entries[slot] = entry;
    slotOf.set(entry.ref, slot);
    postings.add(slot, terms, learn);
    forgetHitsOf(terms);
  };

  const upsert = (entry: SearchableEntry): void => {
    add(entry);
    postings.flush();
  };

  /** Adds many entries (or replaces those with the same `ref`), as one upsert each would. */
  const upsertAll = (added: Iterable<SearchableEntry>): void => {
    for (const entry of added) add(entry);
    postings.flush();
  };

  const countOf = (term: string): number => {
    const id = dictionary.find(term);
    return id === undefined ? 0 : postings.entriesWith(id);
  };

  /**
   * The best `termDepth` entries for one term in one language's fields, best first. BM25 scores
   * every entry holding a term, which for a word found in most of a large FAQ ("droit",
   * "indépendant") costs far more than a search may take, while past the first few hundred such a
   * word's score decides nothing. So a term is scored once, its best entries kept and reused until
   * a change touches the term (static index pruning). A term held by fewer entries loses nothing.
   */
  const hitsOf = (term: string, lang: Lang, isOwnLanguage: boolean): TermHits => {
    const key = `${isOwnLanguage ? '+' : '-'}${lang}:${term}`;
    let hits = hitsCache.get(key);
    if (!hits) {
      const factor = isOwnLanguage ? 1 : scoring.otherLanguage;
      const weights = new Map(
        KINDS.map((kind) => [FIELDS.indexOf(`${kind}_${lang}`), scoring[kind] * factor]),
      );
      const id = dictionary.find(term);
      hits =
        id === undefined
          ? { slots: new Int32Array(0), scores: new Float64Array(0) }
          : postings.best(id, weights, scoring.bm25, scoring.termDepth);
      if (hitsCache.size >= HITS_CACHE_LIMIT) hitsCache.clear();
      hitsCache.set(key, hits);
    }
    return hits;
  };

  return {
    upsert,
    upsertAll,
    remove,
    hitsOf,
    /** Whether some entry holds the term. */
    isKnown: (term: string): boolean => countOf(term) > 0,
    /** How many entries hold the term. */
    countOf,
    vocabulary: vocabulary as Pick<SearchableMap<true>, 'atPrefix' | 'fuzzyGet'>,
    entryAt: (slot: number): SearchableEntry => entries[slot]!,
    /** The slot of the entry with this reference, if the index holds it. */
    slotOf: (ref: string): number | undefined => slotOf.get(ref),
    /** One more than the highest slot in use: the length of per-entry arrays. */
    get slots(): number {
      return entries.length;
    },
    get size(): number {
      return slotOf.size;
    },
  };
}

export type TermIndex = ReturnType<typeof createTermIndex>;
