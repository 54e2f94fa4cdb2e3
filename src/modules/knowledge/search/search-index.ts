import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import { indexTermsOf } from './analyzer.js';
import { highlightExcerpt, highlightText } from './highlight.js';
import { coveredWords, type PlannedTerm, planQuery } from './query-plan.js';
import { compileSynonyms } from './synonyms.js';
import type {
  Lang,
  SearchableEntry,
  SearchHit,
  SearchRequest,
  SearchResponse,
  SynonymGroup,
} from './types.js';
import { rankForDay } from './validity.js';

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
  coverageExponent: number;
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
  fuzzy: 0.45,
  minShareOfBest: 0.1,
  coverageExponent: 1,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
};

/** The in-process FAQ index: entries in, ranked and highlighted references out. */
export interface SearchIndex {
  /** Adds an entry, or replaces the one with the same `ref`. */
  upsert(entry: SearchableEntry): void;
  /** Forgets an entry; unknown references are ignored. */
  remove(ref: string): void;
  search(request: SearchRequest): SearchResponse;
  readonly size: number;
}

type Field = `${'question' | 'tags' | 'answer'}_${Lang}`;
const KINDS = ['question', 'tags', 'answer'] as const;
const FIELDS: Field[] = (['fr', 'nl'] as const).flatMap((lang) =>
  KINDS.map((kind) => `${kind}_${lang}` as Field),
);

function langOf(field: string): Lang {
  return field.endsWith('_nl') ? 'nl' : 'fr';
}

function fieldText(entry: SearchableEntry, field: string): string {
  const lang = langOf(field);
  if (field.startsWith('question')) return entry[lang].question;
  if (field.startsWith('answer')) return entry[lang].answer;
  return entry.tags.join(' \n ');
}

/**
 * Builds the index over entries (no database, no clock: the day comes with each request).
 * Text is analysed per language (accents folded, French elision, Snowball stemming); queries are
 * read in both languages, forgive typos, match the word being typed as a prefix and bring in the
 * FR↔NL synonyms.
 */
export function createSearchIndex(
  entries: Iterable<SearchableEntry>,
  synonymGroups: readonly SynonymGroup[],
  tuning: SearchTuning = DEFAULT_TUNING,
): SearchIndex {
  const synonyms = compileSynonyms(synonymGroups);
  const byRef = new Map<string, SearchableEntry>();
  // How many entries hold each term: tells a known word from a typo, and picks accent readings.
  const vocabulary = new Map<string, number>();
  const mini = new MiniSearch<SearchableEntry>({
    idField: 'ref',
    fields: FIELDS,
    extractField: (entry, field) => (field === 'ref' ? entry.ref : fieldText(entry, field)),
    tokenize: (text, field) => indexTermsOf(text, langOf(field ?? '')),
    processTerm: (term) => term,
  });

  const countTerms = (entry: SearchableEntry, delta: 1 | -1) => {
    const terms = new Set(FIELDS.flatMap((field) => indexTermsOf(fieldText(entry, field), langOf(field))));
    for (const term of terms) {
      const count = (vocabulary.get(term) ?? 0) + delta;
      if (count > 0) vocabulary.set(term, count);
      else vocabulary.delete(term);
    }
  };
  const remove = (ref: string) => {
    const existing = byRef.get(ref);
    if (!existing) return;
    mini.remove(existing);
    countTerms(existing, -1);
    byRef.delete(ref);
  };
  const upsert = (entry: SearchableEntry) => {
    remove(entry.ref);
    mini.add(entry);
    countTerms(entry, 1);
    byRef.set(entry.ref, entry);
  };
  for (const entry of entries) upsert(entry);

  const boostsFor = (lang: Lang, requestLang: Lang) => {
    const factor = lang === requestLang ? 1 : tuning.otherLanguage;
    return Object.fromEntries(KINDS.map((kind) => [`${kind}_${lang}`, tuning[kind] * factor]));
  };
  const toQuery = (planned: PlannedTerm, requestLang: Lang): Query => ({
    queries: [planned.term],
    fields: KINDS.map((kind) => `${kind}_${planned.lang}`),
    boost: boostsFor(planned.lang, requestLang),
    boostTerm: () => planned.weight,
    fuzzy: planned.edits || false,
    prefix: planned.isPrefix,
  });

  const search = (request: SearchRequest): SearchResponse => {
    const plan = planQuery(request.q, {
      synonyms,
      isKnown: (term) => vocabulary.has(term),
      synonymWeight: tuning.synonym,
      partWeight: tuning.part,
    });
    if (plan.terms.length === 0) return { results: [], validMatches: 0, fallback: false };
    const audiences = request.audiences ? new Set(request.audiences) : null;
    const raw = mini.search(
      { combineWith: 'OR', queries: plan.terms.map((planned) => toQuery(planned, request.lang)) },
      {
        tokenize: (text) => [text],
        processTerm: (term) => term,
        weights: { prefix: tuning.prefix, fuzzy: tuning.fuzzy },
        bm25: tuning.bm25,
        filter: (result) => {
          const entry = byRef.get(result.id)!;
          return (
            (!request.theme || entry.theme === request.theme) && (!audiences || audiences.has(entry.audience))
          );
        },
      },
    );
    // MiniSearch multiplies a score by the number of query terms matched. Here the terms are two
    // readings of each word plus synonyms and compound parts, so that count would reward an entry for
    // matching the same word twice, or for a synonym's common words ("droit" of "droit passerelle
    // parental"). Count instead the typed words the entry accounts for (see coveredWords).
    for (const result of raw) {
      const bm25 = result.score / (result.queryTerms.length || 1);
      result.score = bm25 * coveredWords(plan, new Set(result.queryTerms)) ** tuning.coverageExponent;
    }
    raw.sort((a, b) => b.score - a.score);
    const best = raw[0]?.score ?? 0;
    const matches = raw
      .filter((result) => result.score >= best * tuning.minShareOfBest)
      .map((result) => ({ item: { result, entry: byRef.get(result.id)! }, score: result.score }))
      .map(({ item, score }) => ({
        item: { ...item, validFrom: item.entry.validFrom, validTo: item.entry.validTo },
        score,
      }));
    const ranking = rankForDay(matches, request.asOf);
    const results = ranking.ranked
      .slice(0, request.limit)
      .map(({ item, score, isValidOnDate }) =>
        toHit(item.entry, item.result, score, isValidOnDate, request.lang),
      );
    return { results, validMatches: ranking.validMatches, fallback: ranking.fallback };
  };

  return {
    upsert,
    remove,
    search,
    get size() {
      return byRef.size;
    },
  };
}

function toHit(
  entry: SearchableEntry,
  result: SearchResult,
  score: number,
  isValidOnDate: boolean,
  lang: Lang,
): SearchHit {
  const matchedTerms = new Set(result.terms);
  return {
    ref: entry.ref,
    score,
    isValidOnDate,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    highlights: {
      question: highlightText(entry[lang].question, lang, matchedTerms),
      answer: highlightExcerpt(entry[lang].answer, lang, matchedTerms),
    },
  };
}
