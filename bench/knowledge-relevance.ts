/**
 * Relevance of the FAQ search on the development queries, against two baselines.
 *
 *   node --import tsx bench/knowledge-relevance.ts        (KNOWLEDGE_BENCH_VERBOSE=1 lists misses)
 *
 * Systems: `relais` (src/modules/knowledge/search with the default synonym list), `fts5` (SQLite FTS5,
 * unicode61 remove_diacritics 2, bm25, words OR-ed) and `minisearch_default` (MiniSearch, default
 * options). Queries with `as_of` search on that day (relais only; the baselines know no dates), the
 * others over all periods (`any`). A query is recalled at k when any of its expected entries is among
 * the first k results; MRR takes the first expected entry within the first ten.
 * Prints ONE JSON line on stdout and a table on stderr.
 */
import { createSearchIndex } from '../src/modules/knowledge/search/search-index.js';
import type { SearchableEntry } from '../src/modules/knowledge/search/types.js';
import { isValidOn } from '../src/modules/knowledge/search/validity.js';
import { DEFAULT_SYNONYMS } from '../src/modules/knowledge/synonyms-default.js';
import { fts5Baseline, miniSearchDefaultBaseline, type Ranker } from './lib/baselines.js';
import { type DevQuery, loadCorpus, loadDevQueries } from './lib/faq-data.js';
import {
  computeFigures,
  figuresByKind,
  type QueryOutcome,
  type RelevanceFigures,
} from './lib/relevance-metrics.js';

const DEPTH = 10;
const corpus = loadCorpus();
const queries = loadDevQueries();
const byRef = new Map(corpus.map((e) => [e.ref, e]));
const isVerbose = process.env.KNOWLEDGE_BENCH_VERBOSE === '1';

function outcome(query: DevQuery, ranked: string[]): QueryOutcome {
  const first = ranked[0] ? byRef.get(ranked[0]) : undefined;
  const isFirstValid = query.as_of ? Boolean(first && isValidOn(first, query.as_of)) : null;
  return { kind: query.kind, expected: query.expected, ranked, isFirstValid };
}

function relaisRanker(entries: readonly SearchableEntry[]): (query: DevQuery) => string[] {
  const index = createSearchIndex(entries, DEFAULT_SYNONYMS);
  return (query) =>
    index
      .search({ q: query.q, lang: query.lang, asOf: query.as_of ?? 'any', limit: DEPTH })
      .results.map((r) => r.ref);
}

const systems: Record<string, (query: DevQuery) => string[]> = {
  relais: relaisRanker(corpus),
  fts5: (
    (rank: Ranker) => (query: DevQuery) =>
      rank(query.q, DEPTH)
  )(fts5Baseline(corpus)),
  minisearch_default: (
    (rank: Ranker) => (query: DevQuery) =>
      rank(query.q, DEPTH)
  )(miniSearchDefaultBaseline(corpus)),
};

const outcomes: Record<string, QueryOutcome[]> = {};
for (const [name, rank] of Object.entries(systems)) {
  outcomes[name] = queries.map((query) => outcome(query, rank(query)));
}

if (isVerbose) {
  queries.forEach((query, i) => {
    const ranked = outcomes.relais![i]!.ranked;
    const rank = ranked.findIndex((ref) => query.expected.includes(ref)) + 1;
    if (rank !== 1) {
      process.stderr.write(
        `miss (rank ${rank || '-'}) [${query.kind}] ${query.lang} ${query.as_of ?? ''} "${query.q}" ` +
          `expected ${query.expected.join(',')} got ${ranked.slice(0, 5).join(',')}\n`,
      );
    }
  });
}

const overall = Object.fromEntries(
  Object.entries(outcomes).map(([name, list]) => [name, computeFigures(list)]),
);
const kinds = [...new Set(queries.map((q) => q.kind))].sort();
const perSystemByKind = Object.fromEntries(
  Object.entries(outcomes).map(([name, list]) => [name, figuresByKind(list)]),
);
const byKind: Record<string, Record<string, RelevanceFigures>> = Object.fromEntries(
  kinds.map((kind) => [
    kind,
    Object.fromEntries(Object.keys(systems).map((name) => [name, perSystemByKind[name]![kind]!])),
  ]),
);

const fmt = (x: number | null) => (x === null ? '   -' : x.toFixed(3));
const lines = ['knowledge-relevance: recall@1 / recall@3 / MRR@10 (dated: first result valid on as_of)'];
const sections: Array<[string, Record<string, RelevanceFigures>]> = [
  ['ALL', overall],
  ...kinds.map((kind): [string, Record<string, RelevanceFigures>] => [kind, byKind[kind]!]),
];
for (const [label, figures] of sections) {
  for (const [name, f] of Object.entries(figures)) {
    lines.push(
      `${label.padEnd(13)} ${name.padEnd(19)} n=${String(f.queries).padStart(3)}  r@1 ${fmt(f.recall_at_1)}  ` +
        `r@3 ${fmt(f.recall_at_3)}  mrr ${fmt(f.mrr)}  all-expected@3 ${fmt(f.expected_in_top_3)}  ` +
        `dated-valid ${fmt(f.dated_first_valid)}`,
    );
  }
}
process.stderr.write(`${lines.join('\n')}\n`);
process.stdout.write(
  `${JSON.stringify({
    bench: 'knowledge-relevance',
    queries: queries.length,
    entries: corpus.length,
    synonym_groups: DEFAULT_SYNONYMS.length,
    ...overall,
    by_kind: byKind,
  })}\n`,
);
