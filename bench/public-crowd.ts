/**
 * Does an agent's suggestion search keep its latency while the public floods the public FAQ?
 * (issue 10, point 6)
 *
 *   npm run bench -- public-crowd
 *
 * On a fresh SQLite demo database served by the real CLI, an agent's search box sends 20 suggestion
 * searches a second (typed prefixes of FAQ questions, GET /api/v1/knowledge/search, logged in) from
 * a process of its own: first on the idle server (the reference), then while a crowd sends
 * BENCH_CROWD_RATE (default 1000) requests a second (open loop, on 50 connections) of distinct public
 * searches (GET /api/v1/public/faq/search, each asked as of another day, so every
 * one is searched), in three set-ups, each on a server of its own:
 * - `unprotected`: no per-address limit, no load shedding (Relais before issue 10);
 * - `shedding`: load shedding on (RELAIS_SHED_EVENT_LOOP_DELAY_MS, default 100 here as in Relais),
 *   no per-address limit: the crowd comes from many addresses;
 * - `rate_limited`: the crowd is one address, limited (RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE=600).
 * - `form_crowd` (issue 16): the crowd comes from thousands of addresses (X-Forwarded-For, behind a
 *   trusted proxy: RELAIS_TRUST_PROXY=127.0.0.1) with every protection on as shipped (shedding, 600
 *   a minute per address, 5 questions per 10 minutes per address), and a quarter of it posts the
 *   public question form (POST /api/v1/public/questions: an inquiry and a mail each), a quarter
 *   opens the form's page, half searches the public FAQ. The question posts come from 40 of the
 *   addresses, so some of them pass their limit within the run. Figures: the agent's p50/p99 and
 *   the crowd's status codes (`status_codes`, `server_errors_5xx` must stay 0 but for 503 shedding).
 * Figures: the agent's p50/p99 in ms, and how the crowd was answered (2xx, 429, 503).
 * BENCH_SECONDS (default 5) is the length of each run. Prints ONE JSON line on stdout.
 */
import autocannon from 'autocannon';
import { loadDevQueries } from './lib/faq-data.js';
import { faqQuestions, typedPrefixes } from './lib/inquiry-mix.js';
import { ensureServerBuilt } from './support/build.js';
import { loginAs } from './support/http-load.js';
import { log, machine, startServer, tempDataDir } from './support/server.js';
import { startTypist, type TypingResult } from './support/typing-client.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SHED_MS = process.env.BENCH_SHED_MS ?? '100';
const CONNECTIONS = 50;
const CROWD_RATE = Number(process.env.BENCH_CROWD_RATE ?? 1000);
const SEARCHES_PER_SECOND = 20;

const round1 = (x: number) => Math.round(x * 10) / 10;
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}
const agentFigures = (result: TypingResult) => ({
  p50_ms: percentile(result.latencies, 50),
  p99_ms: percentile(result.latencies, 99),
  failed: result.failed,
});

const today = new Date().toISOString().slice(0, 10);
const suggestionPaths = faqQuestions()
  .slice(0, 20)
  .flatMap((question) => typedPrefixes(question.fr))
  .map((prefix) => `/api/v1/knowledge/search?q=${encodeURIComponent(prefix)}&lang=fr&as_of=${today}&limit=5`);
const crowdPaths = loadDevQueries().map(
  ({ q, lang }) => `/api/v1/public/faq/search?q=${encodeURIComponent(q)}&lang=${lang}`,
);
const DAYS = Array.from({ length: 700 }, (_, i) =>
  new Date(Date.UTC(2020, 2, 1) + i * 86_400_000).toISOString().slice(0, 10),
);

/** The crowd: every request a new address (another day), so none is answered from a cache. */
async function flood(url: string) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    // Open loop, as a crowd is: it does not slow down when answers come slowly, nor speed up when
    // they come fast (a closed loop would saturate any server, however cheap its refusals).
    overallRate: CROWD_RATE,
    duration: SECONDS,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const n = next++;
          const path = crowdPaths[n % crowdPaths.length]!;
          const day = DAYS[Math.floor(n / crowdPaths.length) % DAYS.length]!;
          return { ...request, path: `${path}&as_of=${day}` };
        },
      },
    ],
  });
  const byStatus = result.statusCodeStats as Record<string, { count: number }>;
  return {
    rps: Math.round(result.requests.average),
    ok: result['2xx'],
    limited_429: byStatus['429']?.count ?? 0,
    shed_503: byStatus['503']?.count ?? 0,
    errors: result.errors + result.timeouts,
  };
}

const crowdAddress = (n: number, among: number) =>
  `198.18.${Math.floor((n % among) / 250)}.${((n % among) % 250) + 1}`;
const question = (n: number) =>
  JSON.stringify({
    name: `Bench ${n}`,
    email: `bench${n}@example.be`,
    language: n % 2 === 0 ? 'fr' : 'nl',
    question: `Question ${n} : ai-je droit au droit passerelle si je dois fermer mon commerce ?`,
  });

/** The public crowd of issue 16: FAQ searches, the form's page and questions posted, from many addresses. */
async function formCrowd(url: string) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    overallRate: CROWD_RATE,
    duration: SECONDS,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const n = next++;
          const headers = { ...request.headers, 'x-forwarded-for': crowdAddress(n, 4000) };
          if (n % 4 === 0)
            return {
              ...request,
              method: 'POST',
              path: '/api/v1/public/questions',
              headers: {
                ...headers,
                'x-forwarded-for': crowdAddress(n / 4, 40),
                'content-type': 'application/json',
              },
              body: question(n),
            };
          if (n % 4 === 1)
            return { ...request, method: 'GET', path: `/faq/${n % 8 === 1 ? 'fr' : 'nl'}/ask`, headers };
          const path = crowdPaths[n % crowdPaths.length]!;
          const day = DAYS[Math.floor(n / crowdPaths.length) % DAYS.length]!;
          return { ...request, method: 'GET', path: `${path}&as_of=${day}`, headers };
        },
      },
    ],
  });
  const byStatus = result.statusCodeStats as Record<string, { count: number }>;
  const statusCodes = Object.fromEntries(Object.entries(byStatus).map(([code, stat]) => [code, stat.count]));
  return {
    rps: Math.round(result.requests.average),
    questions_posted: Math.ceil(next / 4),
    status_codes: statusCodes,
    server_errors_5xx: Object.entries(statusCodes)
      .filter(([code]) => code.startsWith('5') && code !== '503')
      .reduce((sum, [, count]) => sum + count, 0),
    errors: result.errors + result.timeouts,
  };
}

const SETUPS: [string, Record<string, string>][] = [
  ['unprotected', {}],
  ['shedding', { RELAIS_SHED_EVENT_LOOP_DELAY_MS: SHED_MS }],
  ['rate_limited', { RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '600' }],
  [
    'form_crowd',
    {
      RELAIS_TRUST_PROXY: '127.0.0.1',
      RELAIS_SHED_EVENT_LOOP_DELAY_MS: SHED_MS,
      RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '600',
      RELAIS_PUBLIC_QUESTIONS_PER_WINDOW: '5',
    },
  ],
];

const machineAtStart = machine();
ensureServerBuilt();
const figures: Record<string, unknown> = {
  seconds: SECONDS,
  crowd_rate: CROWD_RATE,
  shed_event_loop_delay_ms: Number(SHED_MS),
};
for (const [name, env] of SETUPS) {
  const server = await startServer(tempDataDir(`public-crowd-${name}`), env);
  try {
    const cookie = await loginAs(server, 'agent');
    const typingRun = {
      url: server.url,
      cookie,
      paths: suggestionPaths,
      perSecond: SEARCHES_PER_SECOND,
      seconds: SECONDS,
    };
    if (name === 'unprotected') {
      const idle = agentFigures(await (await startTypist()).run(typingRun));
      figures.agent_idle = idle;
      log(`idle: agent p50 ${idle.p50_ms} ms, p99 ${idle.p99_ms} ms`);
    }
    // A typist runs once: a fresh one, started before the flood (starting node takes a core a moment).
    const typist = await startTypist();
    const [agent, crowd] = await Promise.all([
      typist.run(typingRun),
      name === 'form_crowd' ? formCrowd(server.url) : flood(server.url),
    ]);
    figures[name] = { agent: agentFigures(agent), crowd };
    log(
      `${name}: agent p50 ${percentile(agent.latencies, 50)} ms, p99 ${percentile(agent.latencies, 99)} ms; crowd ${JSON.stringify(crowd)}`,
    );
  } finally {
    await server.stop();
  }
}
process.stdout.write(
  `${JSON.stringify({ benchmark: 'public-crowd', machine: machineAtStart, ...figures })}\n`,
);
process.exit(0);
