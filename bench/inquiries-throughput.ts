/**
 * How many inquiries a second can the call centre log, and do the agents' suggestions stay quick
 * meanwhile? (issue 5)
 *
 *   npm run bench -- inquiries-throughput
 *
 * For SQLite, then PostgreSQL, on a fresh demo database served by the real CLI: 50 demo agents
 * (agent, agent02…agent50) each log in and, on one connection each, POST /api/v1/inquiries one
 * after the other for BENCH_SECONDS (default 10) after a warm-up, with realistic bodies (the
 * languages of the answered calls of 18 March 2020 in turn, FAQ questions, valid NISS and enterprise
 * numbers now and then, a fresh Idempotency-Key each: see bench/lib/inquiry-mix.ts). Meanwhile
 * another agent's search box sends 20 suggestion searches a second (typed prefixes of FAQ questions,
 * GET /api/v1/knowledge/search?lang=…&as_of=<today>&limit=5) from a process of its own; the same is done
 * beforehand on the idle server, as the reference. Afterwards GET /api/v1/inquiries must count
 * exactly the 201 answers received (nothing lost, nothing made twice).
 *
 * Also measured in the same run, as the ceiling to compare with: single-row INSERT transactions a
 * second straight into the database on the same disk (better-sqlite3 with the server's pragmas;
 * PostgreSQL with as many connections as the server's pool).
 *
 * Targets: ≥ 1,000 inquiries/s on SQLite, ≥ 500/s on PostgreSQL, suggestion p99 ≤ 50 ms under load.
 * BENCH_DATABASES=sqlite (or postgres) runs one; BENCH_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432) is where a database relais_bench_<random> is created and
 * dropped; BENCH_CPU_PROF_DIR makes the server write a V8 CPU profile there (node --cpu-prof).
 * Prints ONE JSON line on stdout and the figures on stderr.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { callLanguages, faqQuestions, inquiryMix, typedPrefixes } from './lib/inquiry-mix.js';
import { seededRandom } from './lib/synthetic-corpus.js';
import { ensureServerBuilt, ROOT } from './support/build.js';
import { cpuSeconds, log, machine, type RunningServer, startServer, tempDataDir } from './support/server.js';
import { startTypist, type TypingResult } from './support/typing-client.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.max(1, Math.round(SECONDS / 5));
const AGENTS = 50;
const SEARCHES_PER_SECOND = 20;
const TARGETS = { sqlite: 1000, postgres: 500, search_p99_ms: 50 } as const;
const POSTGRES_URL = (process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(
  /\/$/,
  '',
);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}

/** Busy and total jiffies of the whole machine (/proc/stat): how much of the 2 cores the run used. */
function machineJiffies(): { busy: number; total: number } {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const values = fields.map(Number);
  const idle = values[3]! + (values[4] ?? 0);
  const total = values.reduce((sum, v) => sum + v, 0);
  return { busy: total - idle, total };
}

type Session = { username: string; cookie: string; csrfToken: string };

async function login(server: RunningServer, username: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-relais-2020' }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
  const me = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { username, cookie: cookie.split(';')[0]!, csrfToken: me.csrfToken };
}

const agentName = (i: number) => (i === 1 ? 'agent' : `agent${String(i).padStart(2, '0')}`);

type CreateFigures = {
  statuses: Record<string, number>;
  firstUnexpected: string;
  created: number;
  seconds: number;
  perSecond: number;
  latencies: number[];
  serverCpuSeconds: number | null;
  benchCpuSeconds: number;
  machineBusy: number;
};

/**
 * Each agent, on a connection of their own, logs one inquiry after the other until the time is up;
 * the run ends when the last answer is in, so every inquiry sent is answered and counted.
 */
async function createLoad(
  server: RunningServer,
  agent: http.Agent,
  sessions: readonly Session[],
  nextBody: () => unknown,
  keyPrefix: string,
  seconds: number,
): Promise<CreateFigures> {
  const url = new URL(server.url);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let sent = 0;
  let firstUnexpected = '';
  const send = (session: Session, body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/v1/inquiries',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
            'idempotency-key': `${keyPrefix}-${sent++}`,
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          // The answer is read only when it is not the expected one, to say why.
          let text = '';
          if (status === 201) response.resume();
          else response.on('data', (chunk) => (text += chunk));
          response.once('end', () => {
            if (status !== 201 && !firstUnexpected) firstUnexpected = `${status} for ${body}: ${text}`;
            resolve(status);
          });
          response.once('error', reject);
        },
      );
      request.once('error', reject);
      request.end(body);
    });

  const cpuBefore = cpuSeconds(server.child.pid);
  const benchCpuBefore = process.cpuUsage();
  const machineBefore = machineJiffies();
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  await Promise.all(
    sessions.map(async (session) => {
      while (performance.now() < deadline) {
        const body = JSON.stringify(nextBody());
        const requestStart = performance.now();
        const status = await send(session, body);
        latencies.push(performance.now() - requestStart);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  const cpuAfter = cpuSeconds(server.child.pid);
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const machineAfter = machineJiffies();
  const created = statuses[201] ?? 0;
  return {
    statuses,
    firstUnexpected,
    created,
    seconds: round3(elapsed),
    perSecond: Math.round(created / elapsed),
    latencies,
    serverCpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? null : cpuAfter - cpuBefore,
    benchCpuSeconds: (benchCpu.user + benchCpu.system) / 1e6,
    machineBusy: round3(
      (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total || 1),
    ),
  };
}

const searchFigures = (result: TypingResult) => ({
  searches: result.latencies.length,
  failed: result.failed,
  first_failure: result.firstFailure || undefined,
  p50_ms: percentile(result.latencies, 50),
  p99_ms: percentile(result.latencies, 99),
  max_ms: percentile(result.latencies, 100),
});

/** Single-row INSERT transactions a second, straight into SQLite with the server's pragmas. */
function rawSqliteCommits(dir: string, seconds: number): number {
  const sqlite = new SQLite(path.join(dir, 'raw-commits.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('create table t (id integer primary key, v text not null)');
  const insert = sqlite.prepare('insert into t (v) values (?)');
  const deadline = performance.now() + seconds * 1000;
  let commits = 0;
  while (performance.now() < deadline) {
    insert.run(`commit ${commits}`);
    commits++;
  }
  sqlite.close();
  return Math.round(commits / seconds);
}

/**
 * Transactions a second straight into PostgreSQL from `connections` connections at once: single-row
 * INSERTs; the shape of logging an inquiry (the year's counter row taken, three rows inserted,
 * commit), whose counter row lock makes every transaction wait for the one before to commit; and
 * the same with the number taken in a transaction of its own just before (numbers may then be
 * lost when the rest fails), for comparison.
 */
async function rawPostgresCommits(
  databaseUrl: string,
  connections: number,
  seconds: number,
): Promise<{ single: number; counted: number; numberApart: number }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  // pool.end() resolves before the server has closed its connections: the database dropped just
  // after may still terminate them, which is no failure of the measure.
  pool.on('error', () => {});
  const perSecond = async (transaction: (client: pg.PoolClient, n: number) => Promise<unknown>) => {
    const deadline = performance.now() + seconds * 1000;
    let commits = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < deadline) {
            await transaction(client, commits);
            commits++;
          }
        } finally {
          client.release();
        }
      }),
    );
    return Math.round(commits / seconds);
  };
  try {
    await pool.query('create table bench_raw_commit (id serial primary key, v text not null)');
    await pool.query('create table bench_raw_counter (year integer primary key, n integer not null)');
    const single = await perSecond((client, n) =>
      client.query('insert into bench_raw_commit (v) values ($1)', [`commit ${n}`]),
    );
    const counted = await perSecond(async (client, n) => {
      await client.query('begin');
      await client.query(
        'insert into bench_raw_counter (year, n) values (2020, 1) on conflict (year) do update set n = bench_raw_counter.n + 1 returning n',
      );
      for (let row = 0; row < 3; row++)
        await client.query('insert into bench_raw_commit (v) values ($1)', [`row ${row} of ${n}`]);
      await client.query('commit');
    });
    const numberApart = await perSecond(async (client, n) => {
      await client.query(
        'insert into bench_raw_counter (year, n) values (2020, 1) on conflict (year) do update set n = bench_raw_counter.n + 1 returning n',
      );
      await client.query('begin');
      for (let row = 0; row < 3; row++)
        await client.query('insert into bench_raw_commit (v) values ($1)', [`row ${row} of ${n}`]);
      await client.query('commit');
    });
    await pool.query('drop table bench_raw_commit, bench_raw_counter');
    return { single, counted, numberApart };
  } finally {
    await pool.end();
  }
}

/** Today in Brussels, as the agent console sends `as_of`. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

/** Suggestion searches: typed prefixes of the FAQ questions in both languages, shuffled (seeded). */
function searchPaths(): string[] {
  const asOf = today();
  const paths = faqQuestions().flatMap((q) =>
    (['fr', 'nl'] as const).flatMap((lang) =>
      typedPrefixes(q[lang]).map(
        (prefix) =>
          `/api/v1/knowledge/search?${new URLSearchParams({ q: prefix, lang, as_of: asOf, limit: '5' })}`,
      ),
    ),
  );
  const random = seededRandom(5);
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  return paths;
}

async function benchDatabase(database: 'sqlite' | 'postgres') {
  const dataDir = tempDataDir(`inquiries-${database}`);
  let databaseUrl: string | undefined;
  const admin =
    database === 'postgres' ? new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` }) : null;
  const env: Record<string, string> = {};
  if (admin) {
    const name = `relais_bench_${randomBytes(6).toString('hex')}`;
    await admin.connect();
    await admin.query(`create database ${name}`);
    databaseUrl = `${POSTGRES_URL}/${name}`;
    env.DATABASE_URL = databaseUrl;
    log(`postgres: database ${name}; migrating and seeding the demo (relais seed --demo)...`);
    const seed = spawnSync(process.execPath, [path.join(ROOT, 'bin/relais.js'), 'seed', '--demo'], {
      cwd: ROOT,
      env: { ...process.env, ...env, RELAIS_LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    if (seed.status !== 0) throw new Error(`relais seed --demo failed:\n${seed.stdout}${seed.stderr}`);
  }
  const nodeOptions: string[] = [];
  if (CPU_PROFILE_DIR) {
    fs.mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    nodeOptions.push(
      '--cpu-prof',
      `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`,
      `--cpu-prof-name=server-${database}-${Date.now()}.cpuprofile`,
    );
  }
  log(`${database}: starting relais serve (${database === 'sqlite' ? dataDir : 'PostgreSQL'})...`);
  const server = await startServer(dataDir, env, nodeOptions);
  try {
    log(`${database}: ${AGENTS} agents log in...`);
    const sessions: Session[] = [];
    // One after the other: logins at once from one address would look like password guessing.
    for (let i = 1; i <= AGENTS; i++) sessions.push(await login(server, agentName(i)));
    const searcher = await login(server, agentName(AGENTS + 1));

    const paths = searchPaths();
    const half = Math.floor(paths.length / 2);
    // The first search waits for the index the server builds once it listens.
    const first = await fetch(`${server.url}${paths[0]}`, { headers: { cookie: searcher.cookie } });
    if (first.status !== 200) throw new Error(`search answered ${first.status}: ${await first.text()}`);
    // Different prefixes in each run: the route keeps recent answers, and both runs must search.
    const idlePaths = paths.slice(1, half);
    const referenceSeconds = Math.max(2, Math.round(SECONDS / 2));
    log(
      `${database}: suggestion searches on the idle server, ${SEARCHES_PER_SECOND}/s for ${referenceSeconds} s...`,
    );
    const idle = searchFigures(
      await (await startTypist()).run({
        url: server.url,
        cookie: searcher.cookie,
        paths: idlePaths,
        perSecond: SEARCHES_PER_SECOND,
        seconds: referenceSeconds,
      }),
    );

    const nextBody = inquiryMix();
    const runId = randomBytes(4).toString('hex');
    log(`${database}: warming up, ${AGENTS} agents logging inquiries for ${WARMUP_SECONDS} s...`);
    // One connection per agent, kept from the warm-up on (a new connection per run would measure
    // fifty connections opening at once).
    const agent = new http.Agent({ keepAlive: true, maxSockets: sessions.length });
    const warmup = await createLoad(server, agent, sessions, nextBody, `${runId}-warmup`, WARMUP_SECONDS);
    log(
      `${database}: ${AGENTS} agents logging inquiries for ${SECONDS} s, searches ${SEARCHES_PER_SECOND}/s meanwhile...`,
    );
    const typist = await startTypist();
    const [load, underLoadRun] = await Promise.all([
      createLoad(server, agent, sessions, nextBody, runId, SECONDS),
      // Ends a little before the load, so every search is answered while inquiries are logged.
      typist.run({
        url: server.url,
        cookie: searcher.cookie,
        paths: paths.slice(half),
        perSecond: SEARCHES_PER_SECOND,
        seconds: Math.max(1, SECONDS - 1),
      }),
    ]);
    agent.destroy();
    const underLoad = searchFigures(underLoadRun);

    const unexpected = [warmup, load].flatMap((run) =>
      Object.entries(run.statuses).filter(([status]) => status !== '201'),
    );
    if (unexpected.length > 0)
      throw new Error(
        `${database}: answers other than 201: ${JSON.stringify(unexpected)}, e.g. ${warmup.firstUnexpected || load.firstUnexpected}`,
      );
    if (idle.failed + underLoad.failed > 0)
      throw new Error(
        `${database}: failed suggestion searches: ${idle.first_failure ?? underLoad.first_failure}`,
      );

    const list = await fetch(`${server.url}/api/v1/inquiries?limit=1`, {
      headers: { cookie: sessions[0]!.cookie },
    });
    const { total } = (await list.json()) as { total: number };
    const answered201 = warmup.created + load.created;

    const requests = load.created + underLoad.searches;
    const figures = {
      inquiries_per_second: load.perSecond,
      ratio_to_target: round3(load.perSecond / TARGETS[database]),
      created: load.created,
      seconds: load.seconds,
      create_ms: { p50: percentile(load.latencies, 50), p99: percentile(load.latencies, 99) },
      search_ms: { idle, under_load: underLoad },
      search_p99_ratio_to_target: round3(underLoad.p99_ms / TARGETS.search_p99_ms),
      server_cpu_us_per_request:
        load.serverCpuSeconds === null ? null : Math.round((load.serverCpuSeconds * 1e6) / requests),
      server_cpu_share: load.serverCpuSeconds === null ? null : round3(load.serverCpuSeconds / load.seconds),
      bench_cpu_us_per_request: Math.round((load.benchCpuSeconds * 1e6) / requests),
      machine_busy: load.machineBusy,
      stored_total: total,
      answered_201: answered201,
      nothing_lost: total === answered201,
    };
    log(
      `${database}: ${figures.inquiries_per_second} inquiries/s (${figures.ratio_to_target} × target ${TARGETS[database]}), create p50 ${figures.create_ms.p50} ms p99 ${figures.create_ms.p99} ms; suggestions p99 ${underLoad.p99_ms} ms under load vs ${idle.p99_ms} ms idle; server CPU ${figures.server_cpu_us_per_request} µs/request (${figures.server_cpu_share} of a core), bench ${figures.bench_cpu_us_per_request} µs/request, machine ${Math.round(load.machineBusy * 100)} % busy; stored ${total}, 201s ${answered201}`,
    );
    return { figures, databaseUrl };
  } finally {
    const code = await server.stop();
    if (code !== 0) process.exitCode = 1;
    if (databaseUrl) {
      // The ceiling, measured on the same server before the database goes.
      const raw = await rawPostgresCommits(databaseUrl, 10, 3);
      rawCeilings.postgres = raw.single;
      rawCountedTransactions = raw.counted;
      rawNumberApartTransactions = raw.numberApart;
      await admin!.query(`drop database ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin!.end();
    } else {
      rawCeilings.sqlite = rawSqliteCommits(dataDir, 3);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const rawCeilings: Partial<Record<'sqlite' | 'postgres', number>> = {};
let rawCountedTransactions = 0;
let rawNumberApartTransactions = 0;
const machineAtStart = machine();
ensureServerBuilt();
log(`the mix: the ${callLanguages().length} answered calls of 18 March 2020 in turn`);
const results: Record<
  string,
  Awaited<ReturnType<typeof benchDatabase>>['figures'] & {
    raw_commits_per_second: number;
    raw_counter_transactions_per_second?: number;
    raw_number_apart_transactions_per_second?: number;
  }
> = {};
for (const database of DATABASES) {
  const { figures } = await benchDatabase(database);
  const raw = rawCeilings[database] ?? 0;
  const result = {
    ...figures,
    raw_commits_per_second: raw,
    ...(database === 'postgres' && {
      raw_counter_transactions_per_second: rawCountedTransactions,
      raw_number_apart_transactions_per_second: rawNumberApartTransactions,
    }),
  };
  log(
    `${database}: raw single-row INSERT transactions: ${raw}/s${database === 'postgres' ? ` (10 connections); counter row + 3 inserts in one transaction: ${rawCountedTransactions}/s, with the number taken apart: ${rawNumberApartTransactions}/s` : ''}; inquiries at ${round3(figures.inquiries_per_second / raw)} of the first`,
  );
  results[database] = result;
}

const meetsTarget = Object.entries(results).every(
  ([database, f]) =>
    f.inquiries_per_second >= TARGETS[database as 'sqlite' | 'postgres'] &&
    f.search_ms.under_load.p99_ms <= TARGETS.search_p99_ms &&
    f.nothing_lost,
);
console.log(
  JSON.stringify({
    bench: 'inquiries-throughput',
    seconds: SECONDS,
    agents: AGENTS,
    searches_per_second: SEARCHES_PER_SECOND,
    targets: {
      sqlite_per_second: TARGETS.sqlite,
      postgres_per_second: TARGETS.postgres,
      search_p99_ms: TARGETS.search_p99_ms,
    },
    meets_target: meetsTarget,
    ...results,
    machine: machineAtStart,
  }),
);
