// How much of the crowd a crisis brings can one instance serve from the public FAQ without a cache
// in front? Requests per second, one after the other in one run, on SQLite with the demo corpus:
// GET /healthz (the framework's floor); the public search JSON and the search page (the 222
// development queries, French and Dutch); the entry pages (every public entry, both languages);
// each twice: "repeated", the same addresses over and over as a crowd asks them (after the first,
// the server answers from the pages it keeps), and "distinct", every request a new address (each
// query or page asked as of another day), so every one is searched, read and rendered; and the
// 304 path (entry pages asked with the current ETag: what a reverse proxy's revalidation costs).
// Figures as ratios to /healthz, the machine being shared and noisy: of requests per second, and of
// capacity (/healthz's server CPU per request over the run's), which other load on the machine
// blurs less. The 304 run comes right after /healthz, so that the two compared share the weather.
// Target: the 304 path keeps at least half of /healthz's capacity (a proxy revalidating every page
// each minute must cost the server next to nothing); by requests per second where CPU time is
// not available.
// Prints one JSON line on stdout; progress on stderr. BENCH_SECONDS shortens each run (default 10).
import fs from 'node:fs';
import autocannon from 'autocannon';
import { loadCorpus, loadDevQueries } from './lib/faq-data.js';
import { ensureServerBuilt } from './support/build.js';
import { cpuSeconds, log, machine, type RunningServer, startServer, tempDataDir } from './support/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const TARGET_NOT_MODIFIED_RATIO = 0.5;

type Request = autocannon.Request & { method: 'GET'; path: string };
type Figures = { rps: number; p99: number; cpuUs: number | null };

/** Loads the requests in turn on every connection; every answer must have the expected status class. */
async function load(
  server: RunningServer,
  requests: Request[],
  seconds: number,
  expected: '2xx' | '3xx' = '2xx',
): Promise<Figures> {
  const cpuBefore = cpuSeconds(server.child.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
  });
  const cpuAfter = cpuSeconds(server.child.pid);
  const total = result.requests.total;
  const wrong = total - result[expected] + result.errors + result.timeouts;
  if (wrong > 0)
    throw new Error(
      `${requests[0]?.path}…: ${wrong} of ${total} answers not ${expected} (or errors, timeouts)`,
    );
  const cpuUs =
    cpuBefore === undefined || cpuAfter === undefined
      ? null
      : Math.round(((cpuAfter - cpuBefore) * 1e6) / total);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, cpuUs };
}

const publicRefs = loadCorpus()
  .filter((entry) => entry.audience === 'public')
  .map((entry) => entry.ref);
const queries = loadDevQueries();
const searchJsonPath = ({ q, lang }: { q: string; lang: string }) =>
  `/api/v1/public/faq/search?q=${encodeURIComponent(q)}&lang=${lang}`;
const searchPagePath = ({ q, lang }: { q: string; lang: string }) =>
  `/faq/${lang}/search?q=${encodeURIComponent(q)}`;
const entries = (['fr', 'nl'] as const).flatMap((lang) => publicRefs.map((ref) => `/faq/${lang}/${ref}`));
const repeated = (paths: string[]): Request[] => paths.map((path) => ({ method: 'GET', path }));

// Days of the crisis, 2020-03-01 onwards: with them every request of a run is a new address.
const DAYS = Array.from({ length: 700 }, (_, i) =>
  new Date(Date.UTC(2020, 2, 1) + i * 86_400_000).toISOString().slice(0, 10),
);
let next = 0;
/** One request whose address is new on every call, across connections and runs. */
function distinct(paths: string[]): Request[] {
  return [
    {
      method: 'GET',
      path: paths[0]!,
      setupRequest: (request) => {
        const n = next++;
        const path = paths[n % paths.length]!;
        const day = DAYS[Math.floor(n / paths.length) % DAYS.length]!;
        return { ...request, path: `${path}${path.includes('?') ? '&' : '?'}as_of=${day}` };
      },
    },
  ];
}

// Taken before the benchmark adds its own load.
const machineAtStart = machine();
ensureServerBuilt();
const dataDir = tempDataDir('public-faq');
log(`starting relais serve on a fresh SQLite database in ${dataDir} (migrations + demo seed)...`);
const server = await startServer(dataDir);
try {
  // One address for the 304 path: it does not depend on the entry, and a list of requests with
  // headers costs autocannon more than the server (a first try measured the client, not the 304).
  const entryPath = `/faq/fr/${publicRefs[0]}`;
  const first = await fetch(`${server.url}${entryPath}`);
  const etag = first.headers.get('etag');
  if (first.status !== 200 || !etag) throw new Error(`${entryPath}: ${first.status}, ETag ${etag}`);
  const notModified: Request[] = [{ method: 'GET', path: entryPath, headers: { 'if-none-match': etag } }];
  const runs: [string, string, Request[], '2xx' | '3xx'][] = [
    ['healthz', 'GET /healthz', [{ method: 'GET', path: '/healthz' }], '2xx'],
    ['not_modified', 'GET /faq/{lang}/FAQ-… with If-None-Match (304)', notModified, '3xx'],
    [
      'search_json_repeated',
      `GET /api/v1/public/faq/search, ${queries.length} queries repeated`,
      repeated(queries.map(searchJsonPath)),
      '2xx',
    ],
    [
      'search_json_distinct',
      'GET /api/v1/public/faq/search, every request distinct',
      distinct(queries.map(searchJsonPath)),
      '2xx',
    ],
    [
      'search_page_repeated',
      `GET /faq/{lang}/search, ${queries.length} queries repeated`,
      repeated(queries.map(searchPagePath)),
      '2xx',
    ],
    [
      'search_page_distinct',
      'GET /faq/{lang}/search, every request distinct',
      distinct(queries.map(searchPagePath)),
      '2xx',
    ],
    [
      'entry_page_repeated',
      `GET /faq/{lang}/FAQ-…, ${entries.length} pages repeated`,
      repeated(entries),
      '2xx',
    ],
    ['entry_page_distinct', 'GET /faq/{lang}/FAQ-…, every request distinct', distinct(entries), '2xx'],
  ];

  // A short warm-up each, so every run measures JIT-compiled code (and a built search index).
  const warmup = Math.max(1, Math.round(SECONDS / 5));
  log(`warming up (${warmup} s each)...`);
  for (const [, , requests, expected] of runs) await load(server, requests, warmup, expected);

  const figures: Record<string, Figures> = {};
  for (const [name, label, requests, expected] of runs) {
    log(`${label}: ${CONNECTIONS} connections for ${SECONDS} s...`);
    const f = await load(server, requests, SECONDS, expected);
    figures[name] = f;
    log(`  ${f.rps} req/s, p99 ${f.p99} ms, server CPU ${f.cpuUs} µs/request`);
  }
  const healthz = figures.healthz!;
  const pick = <T>(value: (f: Figures) => T) =>
    Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, value(f)]));
  const ratios = pick((f) => Math.round((f.rps / healthz.rps) * 1000) / 1000);
  const capacity = pick((f) =>
    f.cpuUs && healthz.cpuUs ? Math.round((healthz.cpuUs / f.cpuUs) * 1000) / 1000 : null,
  );
  const judged = capacity.not_modified ?? ratios.not_modified!;
  console.log(
    JSON.stringify({
      bench: 'public-faq',
      seconds: SECONDS,
      connections: CONNECTIONS,
      rps: pick((f) => f.rps),
      ratio_to_healthz: ratios,
      capacity_ratio_to_healthz: capacity,
      target_not_modified_ratio: TARGET_NOT_MODIFIED_RATIO,
      meets_target: judged >= TARGET_NOT_MODIFIED_RATIO,
      p99_ms: pick((f) => f.p99),
      server_cpu_us_per_request: pick((f) => f.cpuUs),
      machine: machineAtStart,
    }),
  );
} finally {
  const code = await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (code !== 0) process.exitCode = 1;
}
