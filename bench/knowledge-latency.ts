/**
 * Latency of the FAQ search: in process, then through HTTP.
 *
 *   node --import tsx bench/knowledge-latency.ts
 *
 * For the demo corpus (150 entries) and a synthetic corpus of 20,000 entries grown from it (see
 * bench/lib/synthetic-corpus.ts for how): index build time; `cold`, the first search of each
 * development query after the build (each term's best entries are then scored and kept); then
 * `search`, the median and p99 of one search over the development queries (their language and day,
 * limit 10, highlights included), after a warm-up round, over 11 rounds (see timeSearches for the
 * figures; `load_average` says how busy the machine was). `typing` replays each query cut in the
 * middle of a word, as an agent's search box sends it while they type (prefix matching on the last
 * word).
 * `http`: requests per second of GET /api/v1/knowledge/search (an agent's session, the development
 * queries in turn) against GET /healthz, 50 connections each, in the same run of `relais serve` on
 * the demo database. The route keeps its last answers until the index changes, and 222 queries in
 * turn are all answered from there after the first round (as a surge's repeated questions would be);
 * `search_uncached` asks the same queries each on another day of 2020-2021, so that nearly every
 * request is searched afresh. BENCH_SECONDS sets each load's length (default 10).
 * Targets: p99 ≤ 2 ms on 20,000 entries; the search route at ≥ 50% of /healthz's throughput.
 * Prints ONE JSON line on stdout and a summary on stderr.
 */
import fs from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createSearchIndex, type SearchIndex } from '../src/modules/knowledge/search/search-index.js';
import type { SearchRequest } from '../src/modules/knowledge/search/types.js';
import { DEFAULT_SYNONYMS } from '../src/modules/knowledge/synonyms-default.js';
import { loadCorpus, loadDevQueries } from './lib/faq-data.js';
import { syntheticCorpus } from './lib/synthetic-corpus.js';
import { ensureServerBuilt } from './support/build.js';
import { CONNECTIONS, describeLoad, loadServer, loginAs } from './support/http-load.js';
import { log, startServer, tempDataDir } from './support/server.js';

const LARGE_SIZE = 20_000;
const ROUNDS = 11;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_P99_MS = 2;
const TARGET_HTTP_RATIO = 0.5;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// Each sample is wall-clock time, what an agent waits. On a busy machine (the benches may share two
// cores with test suites) a search is sometimes put on hold: `p99_ms` counts those holds too, while
// `query_median_p99_ms`, the p99 over queries of each query's median time, keeps the queries that
// are slow by themselves and leaves out the holds (which fall on different queries each round).
function timeSearches(index: SearchIndex, requests: readonly SearchRequest[]) {
  for (const request of requests) index.search(request); // warm-up: JIT, per-term caches
  const samples: number[] = [];
  const perQuery: number[][] = requests.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    requests.forEach((request, i) => {
      const start = performance.now();
      index.search(request);
      const elapsed = performance.now() - start;
      samples.push(elapsed);
      perQuery[i]!.push(elapsed);
    });
  }
  samples.sort((a, b) => a - b);
  const queryMedians = perQuery
    .map((times) =>
      percentile(
        [...times].sort((a, b) => a - b),
        50,
      ),
    )
    .sort((a, b) => a - b);
  return {
    searches: samples.length,
    median_ms: round3(percentile(samples, 50)),
    p99_ms: round3(percentile(samples, 99)),
    max_ms: round3(samples[samples.length - 1]!),
    query_median_p99_ms: round3(percentile(queryMedians, 99)),
  };
}

// The first search of each query after a build: its terms are scored for the first time.
function timeColdSearches(index: SearchIndex, requests: readonly SearchRequest[]) {
  const wall: number[] = [];
  for (const request of requests) {
    const start = performance.now();
    index.search(request);
    wall.push(performance.now() - start);
  }
  wall.sort((a, b) => a - b);
  return {
    searches: wall.length,
    median_ms: round3(percentile(wall, 50)),
    p99_ms: round3(percentile(wall, 99)),
  };
}

// Each query cut in the middle of its last word, as typed.
function typing(requests: readonly SearchRequest[]): SearchRequest[] {
  return requests.map((request) => {
    const q = request.q.replace(/[\s?!.,]+$/u, '');
    const lastSpace = q.lastIndexOf(' ');
    const lastWordLength = q.length - lastSpace - 1;
    return { ...request, q: q.slice(0, q.length - Math.floor(lastWordLength / 2)) };
  });
}

const base = loadCorpus();
const requests: SearchRequest[] = loadDevQueries().map((query) => ({
  q: query.q,
  lang: query.lang,
  asOf: query.as_of ?? 'any',
  limit: 10,
}));

const figures: Record<string, unknown> = {};
for (const [name, entries] of [
  ['corpus', base],
  ['large', syntheticCorpus(base, LARGE_SIZE)],
] as const) {
  const start = performance.now();
  const index = createSearchIndex(entries, DEFAULT_SYNONYMS);
  const buildMs = performance.now() - start;
  const cold = timeColdSearches(index, requests);
  figures[name] = {
    entries: entries.length,
    build_ms: Math.round(buildMs),
    cold,
    search: timeSearches(index, requests),
    typing: timeSearches(index, typing(requests)),
  };
}

process.stderr.write(
  `${Object.entries(figures)
    .map(([name, f]) => `knowledge-latency ${name}: ${JSON.stringify(f)}`)
    .join('\n')}\n`,
);

/** The search route against /healthz, on one server, one after the other. */
async function httpThroughput() {
  ensureServerBuilt();
  const dataDir = tempDataDir('knowledge');
  log('starting relais serve on a fresh SQLite database (migrations + demo seed)...');
  const server = await startServer(dataDir);
  try {
    const cookie = await loginAs(server, 'agent');
    const searchPath = (r: SearchRequest) =>
      `/api/v1/knowledge/search?${new URLSearchParams({ q: r.q, lang: r.lang, as_of: r.asOf, limit: '10' })}`;
    const paths = requests.map(searchPath);
    // 222 queries × 700 days: far more distinct requests than the cache keeps (2,000).
    const day = (i: number) =>
      new Date(Date.UTC(2020, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const uncachedPaths = Array.from({ length: 50_000 }, (_, i) =>
      searchPath({ ...requests[i % requests.length]!, asOf: day(i * 7919) }),
    );
    // The first search waits for the index the server builds once it listens.
    const first = await fetch(`${server.url}${paths[0]}`, { headers: { cookie } });
    if (first.status !== 200) throw new Error(`search answered ${first.status}: ${await first.text()}`);
    const warmup = Math.max(1, Math.round(SECONDS / 5));
    log(`warming up (${warmup} s each)...`);
    await loadServer(server, '/healthz', {}, warmup);
    await loadServer(server, paths, { cookie }, warmup);
    log(`GET /healthz: ${CONNECTIONS} connections for ${SECONDS} s...`);
    const healthz = await loadServer(server, '/healthz', {}, SECONDS);
    log(describeLoad('/healthz', healthz));
    log(
      `GET /api/v1/knowledge/search (${paths.length} queries in turn): ${CONNECTIONS} connections for ${SECONDS} s...`,
    );
    const search = await loadServer(server, paths, { cookie }, SECONDS);
    log(describeLoad('/api/v1/knowledge/search', search));
    log(`the same queries on other days each (not cached): ${CONNECTIONS} connections for ${SECONDS} s...`);
    const uncached = await loadServer(server, uncachedPaths, { cookie }, SECONDS);
    log(describeLoad('/api/v1/knowledge/search (not cached)', uncached));
    return {
      seconds: SECONDS,
      connections: CONNECTIONS,
      healthz_rps: healthz.rps,
      search_rps: search.rps,
      search_uncached_rps: uncached.rps,
      ratio: round3(search.rps / healthz.rps),
      ratio_uncached: round3(uncached.rps / healthz.rps),
      p99_ms: { healthz: healthz.p99, search: search.p99, search_uncached: uncached.p99 },
      server_cpu_us_per_request: {
        healthz: healthz.cpuUs,
        search: search.cpuUs,
        search_uncached: uncached.cpuUs,
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const loadAverage = loadavg().map(round3);
const http = await httpThroughput();
const large = figures.large as { search: { p99_ms: number } };
process.stdout.write(
  `${JSON.stringify({
    bench: 'knowledge-latency',
    target_p99_ms: TARGET_P99_MS,
    target_http_ratio: TARGET_HTTP_RATIO,
    meets_target: large.search.p99_ms <= TARGET_P99_MS && http.ratio >= TARGET_HTTP_RATIO,
    load_average: loadAverage,
    ...figures,
    http,
  })}\n`,
);
