import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { indexTermsOf } from './analyzer.js';
import type { Lang, SearchableEntry } from './types.js';

/** Field weights and BM25 parameters the term index scores with. */
export interface TermScoring {
  question: number;
  tags: number;
  answer: number;
  otherLanguage: number;
  bm25: { k: number; b: number; d: number };
  /** Entries kept per term (see hitsOf). */
  termDepth: number;
}

/** A term's best entries, best first: their slots in the index and MiniSearch's scores for the term. */
export interface TermHits {
  slots: Int32Array;
  scores: Float64Array;
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

// Bounds the memory of scored terms: a few thousand distinct terms cover a day of questions.
const HITS_CACHE_LIMIT = 20_000;

/**
 * The entries, their terms and the vocabulary, kept in step. MiniSearch holds the inverted index
 * and scores a term's entries (BM25+ with field boosts, per language: question, tags and answer in
 * French and in Dutch); its radix tree holds the vocabulary, for completions and near spellings.
 * Each entry has a slot number, so that a search can add up scores in flat arrays.
 */
export function createTermIndex(scoring: TermScoring) {
  const entries: Array<SearchableEntry | undefined> = [];
  const slotOf = new Map<string, number>();
  const freeSlots: number[] = [];
  // How many entries hold each term: a hash map to tell known words from typos quickly, a tree for
  // completions and near spellings.
  const counts = new Map<string, number>();
  const vocabulary = new SearchableMap<true>();
  const hitsCache = new Map<string, TermHits>();
  // Terms of the entry being added or removed, gathered while MiniSearch tokenizes it, so that the
  // vocabulary follows the index without analysing every text twice.
  let touchedTerms: Set<string> | null = null;
  const mini = new MiniSearch<SearchableEntry>({
    idField: 'ref',
    fields: FIELDS,
    extractField: (entry, field) => (field === 'ref' ? entry.ref : fieldText(entry, field)),
    tokenize: (text, field) => {
      const terms = indexTermsOf(text, langOf(field ?? ''));
      if (touchedTerms) for (const term of terms) touchedTerms.add(term);
      return terms;
    },
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term, bm25: scoring.bm25 },
  });

  const countTermsOf = (change: () => void, delta: 1 | -1) => {
    touchedTerms = new Set();
    try {
      change();
      for (const term of touchedTerms) {
        const count = (counts.get(term) ?? 0) + delta;
        // The tree only learns of new terms and forgets gone ones: it answers "which terms", the
        // hash map "how many entries".
        if (count > 0) {
          if (count === 1 && delta === 1) vocabulary.set(term, true);
          counts.set(term, count);
        } else {
          counts.delete(term);
          vocabulary.delete(term);
        }
      }
      forgetHitsOf(touchedTerms);
    } finally {
      touchedTerms = null;
    }
  };

  // A change moves the best entries of the terms it touches: those are scored afresh. It also moves,
  // very slightly, every term's weight (BM25 counts the entries): once the count has drifted by 1 %,
  // everything is scored afresh.
  let sizeWhenScored = 0;
  const forgetHitsOf = (terms: Iterable<string>) => {
    const size = slotOf.size;
    if (Math.abs(size - sizeWhenScored) > Math.max(1, size / 100)) {
      hitsCache.clear();
      sizeWhenScored = size;
      return;
    }
    for (const term of terms) {
      for (const key of [`+fr:${term}`, `-fr:${term}`, `+nl:${term}`, `-nl:${term}`]) hitsCache.delete(key);
    }
  };

  const remove = (ref: string): void => {
    const slot = slotOf.get(ref);
    if (slot === undefined) return;
    const entry = entries[slot]!;
    countTermsOf(() => mini.remove(entry), -1);
    entries[slot] = undefined;
    slotOf.delete(ref);
    freeSlots.push(slot);
  };

  const upsert = (entry: SearchableEntry): void => {
    remove(entry.ref);
    countTermsOf(() => mini.add(entry), 1);
    const slot = freeSlots.pop() ?? entries.length;
    entries[slot] = entry;
    slotOf.set(entry.ref, slot);
  };

  /**
   * The best `termDepth` entries for one term in one language's fields, best first. MiniSearch
   * scores every entry holding a term, which for a word found in most of a large FAQ ("droit",
   * "indépendant") costs far more than a search may take, while past the first few hundred such a
   * word's score decides nothing. So a term is scored once, its best entries kept and reused until
   * a change touches the term (static index pruning). A term held by fewer entries loses nothing.
   */
  const hitsOf = (term: string, lang: Lang, isOwnLanguage: boolean): TermHits => {
    const key = `${isOwnLanguage ? '+' : '-'}${lang}:${term}`;
    let hits = hitsCache.get(key);
    if (!hits) {
      const factor = isOwnLanguage ? 1 : scoring.otherLanguage;
      const results = mini
        .search(term, {
          fields: KINDS.map((kind) => `${kind}_${lang}`),
          boost: Object.fromEntries(KINDS.map((kind) => [`${kind}_${lang}`, scoring[kind] * factor])),
        })
        .slice(0, scoring.termDepth);
      hits = {
        slots: Int32Array.from(results, (result) => slotOf.get(result.id as string)!),
        scores: Float64Array.from(results, (result) => result.score),
      };
      if (hitsCache.size >= HITS_CACHE_LIMIT) hitsCache.clear();
      hitsCache.set(key, hits);
    }
    return hits;
  };

  return {
    upsert,
    remove,
    hitsOf,
    /** Whether some entry holds the term. */
    isKnown: (term: string): boolean => counts.has(term),
    /** How many entries hold the term. */
    countOf: (term: string): number => counts.get(term) ?? 0,
    vocabulary: vocabulary as Pick<SearchableMap<true>, 'atPrefix' | 'fuzzyGet'>,
    entryAt: (slot: number): SearchableEntry => entries[slot]!,
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
