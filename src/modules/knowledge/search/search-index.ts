import { parseFaqRef } from '../../../shared/spoken-refs.js';
import { highlightExcerpt, highlightText } from './highlight.js';
import { planQuery } from './query-plan.js';
import { scoreEntries } from './scoring.js';
import { compileSynonyms } from './synonyms.js';
import { createTermIndex } from './term-index.js';
import type {
  Lang,
  SearchableEntry,
  SearchHit,
  SearchRequest,
  SearchResponse,
  SynonymGroup,
} from './types.js';
import { isValidOn, rankForDay } from './validity.js';

/** Weights of the ranking, tuned on the development queries (bench/knowledge-relevance.ts). */
export interface SearchTuning {
  /** Field weights in the request's language: the question says what the case is about. */
  question: number;
  tags: number;
  answer: number;
  /** Factor on the other language's fields: found there too, but the agent's language first. */
  otherLanguage: number;
  /** Weight of a term brought in by a synonym, against 1 for a typed one. */
  synonym: number;
  /** Weight of a part of a typed Dutch compound (fonds in verzekeringsfonds). */
  part: number;
  /** Weights of a prefix or fuzzy match against an exact one (MiniSearch's own scale). */
  prefix: number;
  fuzzy: number;
  /** Matches scoring under this share of the best are noise (a stray common word) and dropped. */
  minShareOfBest: number;
  /** Exponent of the number of typed words an entry accounts for, multiplying its score. */
  coverageExponent: number;
  /**
   * Bonus for an entry whose question holds every typed word, by how much of that question the
   * query covers: the entry about the topic itself before those that combine it with something
   * else (see question-coverage.ts).
   */
  questionCoverage: number;
  /**
   * Bonus for an entry whose theme's name the query holds, by the share of the typed words that
   * name accounts for: the entries filed under the topic asked about before those that only
   * mention it (see theme-coverage.ts).
   */
  themeCoverage: number;
  /** Entries kept per term (see hitsOf in term-index.ts). */
  termDepth: number;
  /** Of those, entries taken for a term reached indirectly (see ScoringOptions). */
  secondaryDepth: number;
  /** Completions of the word being typed that are searched. */
  maxCompletions: number;
  /** Near spellings of a misspelt word that are searched. */
  maxNearSpellings: number;
  /** BM25+ parameters (MiniSearch's defaults: k 1.2, b 0.7, d 0.5). */
  bm25: { k: number; b: number; d: number };
}

export const DEFAULT_TUNING: SearchTuning = {
  question: 3,
  tags: 2,
  answer: 1,
  otherLanguage: 0.7,
  synonym: 0.6,
  part: 0.5,
  prefix: 0.375,
  fuzzy: 0.3,
  minShareOfBest: 0.1,
  coverageExponent: 1,
  questionCoverage: 8,
  themeCoverage: 1.5,
  termDepth: 150,
  secondaryDepth: 50,
  maxCompletions: 10,
  maxNearSpellings: 5,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

/** The in-process FAQ index: entries in, ranked and highlighted references out. */
export interface SearchIndex {
  /** Adds an entry, or replaces the one with the same `ref`. */
  upsert(entry: SearchableEntry): void;
  /** Adds (or replaces) many entries, as as many upserts would, for far less work. */
  upsertAll(entries: Iterable<SearchableEntry>): void;
  /** Forgets an entry; unknown references are ignored. */
  remove(ref: string): void;
  search(request: SearchRequest): SearchResponse;
  readonly size: number;
}

/**
 * Builds the index over entries (no database, no clock: the day comes with each request).
 * Text is analysed per language (accents folded, French elision, Snowball stemming, Dutch compound
 * parts); queries are read in both languages, forgive typos, match the word being typed as a prefix
 * and bring in the FR↔NL synonyms.
 *
 * The ranking is MiniSearch's (BM25+ with field boosts). Chosen by measurement: with the same
 * analysis, fields and boosts on the development queries, MiniSearch 7 ranked best (recall@3 0.82,
 * MRR 0.70) against Orama 3 (0.73, 0.61) and FlexSearch 0.8 (0.69, 0.61, no term weighting), and
 * its radix tree gives completions and typo lookups scaled to each word. Its one weakness, scoring
 * every entry that holds a common word, is met by keeping each term's best entries (term-index.ts).
 */
export function createSearchIndex(
  entries: Iterable<SearchableEntry>,
  synonymGroups: readonly SynonymGroup[],
  tuning: SearchTuning = DEFAULT_TUNING,
): SearchIndex {
  const synonyms = compileSynonyms(synonymGroups);
  const index = createTermIndex(tuning);
  index.upsertAll(entries);
  const findByRef = (q: string): SearchableEntry | undefined => {
    const ref = parseFaqRef(q);
    const slot = ref === undefined ? undefined : index.slotOf(ref);
    return slot === undefined ? undefined : index.entryAt(slot);
  };

  const search = (request: SearchRequest): SearchResponse => {
    const audiences = request.audiences ? new Set(request.audiences) : null;
    const isWanted = (entry: SearchableEntry) =>
      (!request.theme || entry.theme === request.theme) && (!audiences || audiences.has(entry.audience));
    // A reference read out on the phone (`faq 12`, `0012`) is the entry itself, whatever its words.
    const byRef = findByRef(request.q);
    if (byRef && isWanted(byRef)) {
      const isValidOnDate = request.asOf === 'any' || isValidOn(byRef, request.asOf);
      const hit = toHit(byRef, 1, isValidOnDate, request.lang, new Set());
      return { results: [hit], validMatches: isValidOnDate ? 1 : 0, fallback: !isValidOnDate };
    }
    const plan = planQuery(request.q, {
      synonyms,
      isKnown: index.isKnown,
      synonymWeight: tuning.synonym,
      partWeight: tuning.part,
    });
    const { count, slots, scores, matchScores, reachedTerms } = scoreEntries(
      plan,
      request.lang,
      index,
      tuning,
    );
    // Noise is judged on how well entries match, before the bonus of general entries.
    let best = 0;
    for (let i = 0; i < count; i++) {
      if (matchScores[i]! > best && isWanted(index.entryAt(slots[i]!))) best = matchScores[i]!;
    }
    const threshold = best * tuning.minShareOfBest;
    const ranking = rankForDay(
      count,
      (i) => {
        if (matchScores[i]! < threshold || scores[i] === 0) return undefined;
        const entry = index.entryAt(slots[i]!);
        return isWanted(entry) ? entry : undefined;
      },
      (i) => scores[i]!,
      request.asOf,
      request.limit,
    );
    const results = ranking.ranked.map(({ item, score, isValidOnDate }) =>
      toHit(item, score, isValidOnDate, request.lang, reachedTerms),
    );
    return { results, validMatches: ranking.validMatches, fallback: ranking.fallback };
  };

  return {
    upsert: index.upsert,
    upsertAll: index.upsertAll,
    remove: index.remove,
    search,
    get size() {
      return index.size;
    },
  };
}

function toHit(
  entry: SearchableEntry,
  score: number,
  isValidOnDate: boolean,
  lang: Lang,
  reachedTerms: ReadonlySet<string>,
): SearchHit {
  return {
    ref: entry.ref,
    score,
    isValidOnDate,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    highlights: {
      question: highlightText(entry[lang].question, lang, reachedTerms),
      answer: highlightExcerpt(entry[lang].answer, lang, reachedTerms),
    },
  };
}
