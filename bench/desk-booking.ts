/**
 * How many desk bookings a second do the rules let through when a crowd competes for one floor,
 * does any rule break under that crowd, and how long does one booking take on a large site?
 * (issue 13)
 *
 *   npm run bench -- desk-booking
 *
 * For SQLite, then PostgreSQL, on a fresh database served by the real CLI (`relais serve`), with two
 * generated buildings loaded by `relais desks import-plan` (bench/lib/desk-plans.ts) and 100 people
 * by `relais user import --generate-passwords`, each logged in through the API:
 * - the crowd: 100 clients, one connection each, for BENCH_SECONDS (default 10) book one after the
 *   other a random desk of one floor of 200 desks (4 zones of 50, rows 1.4 m apart) on one date,
 *   in a random slot (am, pm, day), under the rules 1.5 m and half of each zone; a client holding a
 *   booking cancels it half the time before its next attempt, so the floor keeps changing.
 *   Figures: attempts (201 + 409) a second, accepted and refused a second, refusals by reason,
 *   latency. Then every stored booking of the floor is read from the database and every rule
 *   checked again (src/modules/workplace/booking-invariants.ts, as the concurrency test does).
 * - one booking at a time on a site of 10,000 desks (10 floors of 1,000): BENCH_LATENCY_BOOKINGS
 *   (default 1,000) bookings by the 100 people, random floor, desk, open day within the horizon
 *   and half-day, one after the other after 50 of warm-up; p50/p99 of each booking.
 *
 * - the HTTP floor on the same server: GET /healthz and the authenticated GET /api/v1/me (the two
 *   routes of bench/http-baseline.ts) for a third of BENCH_SECONDS each, with the server's CPU per
 *   request: what a booking request costs before its own work.
 * A table on stderr gives, per database: attempts, accepted and refused a second, violations, p99 on
 * 10,000 desks, the server's CPU per request and the load average (1 min) at the crowd and after.
 *
 * Targets: ≥ 1,000 attempts/s on SQLite, ≥ 500/s on PostgreSQL, zero violations, p99 < 20 ms on
 * 10,000 desks. BENCH_DATABASES=sqlite (or postgres) runs one; BENCH_POSTGRES_URL (default
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
import { bookingViolations, type StoredBooking } from '../src/modules/workplace/booking-invariants.js';
import { zoneCapacity } from '../src/modules/workplace/booking-rules.js';
import { DEFAULT_SITE_RULES, type SiteRules } from '../src/modules/workplace/contract.js';
import { belgianHolidays } from '../src/shared/belgian-holidays.js';
import { generatedSite } from './lib/desk-plans.js';
import { seededRandom } from './lib/synthetic-corpus.js';
import { ensureServerBuilt, ROOT } from './support/build.js';
import { loadServer } from './support/http-load.js';
import { cpuSeconds, log, machine, type RunningServer, startServer, tempDataDir } from './support/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LATENCY_BOOKINGS = Number(process.env.BENCH_LATENCY_BOOKINGS ?? 1000);
const CLIENTS = 100;
const TARGETS = { sqlite: 1000, postgres: 500, p99_ms: 20 } as const;
const POSTGRES_URL = (process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(
  /\/$/,
  '',
);
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
// The HTTP floor, on the same server in the same run: GET /healthz and an authenticated GET /api/v1/me.
const HTTP_SECONDS = Math.max(2, Math.round(SECONDS / 3));

const CROWD_SITE = 'bench-crowd';
const LARGE_SITE = 'bench-large';
const CROWD_RULES: SiteRules = { ...DEFAULT_SITE_RULES, closingDays: [], zoneCapacity: { percent: 50 } };

const round1 = (x: number) => Math.round(x * 10) / 10;
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}

/** Open days (no weekend, no Belgian public holiday) after today, in Brussels, within `horizon` days. */
function openDaysAhead(horizon: number): string[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
  const days: string[] = [];
  for (let i = 1; i <= horizon; i++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const holidays = new Set(belgianHolidays(Number(day.slice(0, 4))).map((h) => h.date));
    if (weekday !== 0 && weekday !== 6 && !holidays.has(day)) days.push(day);
  }
  return days;
}

function relais(args: string[], env: Record<string, string>): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/relais.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, RELAIS_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`relais ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

type Session = { username: string; cookie: string; csrfToken: string };

async function login(server: RunningServer, username: string, password: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
  const me = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return { username, cookie: cookie.split(';')[0]!, csrfToken: me.csrfToken };
}

type Answer = { status: number; body: string; ms: number };

/** One request on a kept-alive connection of `agent`; the answer's body is read whole. */
function send(
  server: RunningServer,
  agent: http.Agent,
  session: Session,
  method: string,
  requestPath: string,
  payload?: unknown,
): Promise<Answer> {
  const url = new URL(server.url);
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path: requestPath,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          'content-length': Buffer.byteLength(body),
          cookie: session.cookie,
          'x-csrf-token': session.csrfToken,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text, ms: performance.now() - startedAt }),
        );
        response.once('error', reject);
      },
    );
    request.once('error', reject);
    request.end(body);
  });
}

/** 100 clients compete for one floor and date; returns what they were answered. */
async function crowd(
  server: RunningServer,
  sessions: readonly Session[],
  desks: readonly string[],
  day: string,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sessions.length });
  const reasons: Record<string, number> = {};
  const latencies: number[] = [];
  let accepted = 0;
  let cancelled = 0;
  let unexpected = '';
  const slots = ['am', 'pm', 'day'] as const;
  const cpuBefore = cpuSeconds(server.child.pid);
  const startedAt = performance.now();
  const deadline = startedAt + SECONDS * 1000;
  await Promise.all(
    sessions.map(async (session, i) => {
      const random = seededRandom(1000 + i);
      let held: string | undefined;
      while (performance.now() < deadline) {
        if (held && random() < 0.5) {
          const answer = await send(server, agent, session, 'DELETE', `/api/v1/workplace/bookings/${held}`);
          if (answer.status !== 200) unexpected ||= `DELETE ${answer.status}: ${answer.body.slice(0, 300)}`;
          else cancelled++;
          held = undefined;
        }
        const payload = {
          desk: desks[Math.floor(random() * desks.length)]!,
          date: day,
          slot: slots[Math.floor(random() * slots.length)]!,
        };
        const answer = await send(server, agent, session, 'POST', '/api/v1/workplace/bookings', payload);
        latencies.push(answer.ms);
        if (answer.status === 201) {
          accepted++;
          held = (JSON.parse(answer.body) as { id: string }).id;
        } else if (answer.status === 409) {
          const reason = (JSON.parse(answer.body) as { reason?: string }).reason ?? 'none';
          reasons[reason] = (reasons[reason] ?? 0) + 1;
        } else unexpected ||= `POST ${answer.status}: ${answer.body.slice(0, 300)}`;
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const cpuAfter = cpuSeconds(server.child.pid);
  agent.destroy();
  if (unexpected) throw new Error(`answers other than 201/409 (or 200 to a cancel): ${unexpected}`);
  const refused = Object.values(reasons).reduce((sum, n) => sum + n, 0);
  return {
    seconds: round1(seconds),
    attempts_per_second: Math.round((accepted + refused) / seconds),
    accepted_per_second: Math.round(accepted / seconds),
    refused_per_second: Math.round(refused / seconds),
    accepted,
    refused,
    cancelled,
    refusals: reasons,
    booking_ms: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    // The server's CPU per request (bookings and cancels): steadier than a rate on a shared machine.
    server_cpu_us_per_request:
      cpuBefore === undefined || cpuAfter === undefined
        ? null
        : Math.round(((cpuAfter - cpuBefore) * 1e6) / (accepted + refused + cancelled)),
    server_cpu_share:
      cpuBefore === undefined || cpuAfter === undefined ? null : round1((cpuAfter - cpuBefore) / seconds),
  };
}

/** One booking at a time on the large site: the latency of each. */
async function oneAtATime(server: RunningServer, sessions: readonly Session[], desks: readonly string[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const days = openDaysAhead(DEFAULT_SITE_RULES.horizonDays);
  const random = seededRandom(77);
  const all: number[] = [];
  const acceptedMs: number[] = [];
  const refusedMs: number[] = [];
  const warmup = 50;
  for (let n = 0; n < warmup + LATENCY_BOOKINGS; n++) {
    const payload = {
      desk: desks[Math.floor(random() * desks.length)]!,
      date: days[Math.floor(random() * days.length)]!,
      slot: random() < 0.5 ? 'am' : 'pm',
    };
    const answer = await send(
      server,
      agent,
      sessions[n % sessions.length]!,
      'POST',
      '/api/v1/workplace/bookings',
      payload,
    );
    if (answer.status !== 201 && answer.status !== 409)
      throw new Error(`one at a time: ${answer.status} ${answer.body.slice(0, 300)}`);
    if (n < warmup) continue;
    all.push(answer.ms);
    (answer.status === 201 ? acceptedMs : refusedMs).push(answer.ms);
  }
  agent.destroy();
  return {
    bookings: all.length,
    accepted: acceptedMs.length,
    refused: refusedMs.length,
    p50_ms: percentile(all, 50),
    p99_ms: percentile(all, 99),
    accepted_p99_ms: percentile(acceptedMs, 99),
    refused_p99_ms: percentile(refusedMs, 99),
  };
}

const STORED_SQL = `select b.desk_id, b.person_id, b.booked_on, b.slot, d.x, d.y, d.zone_id
  from workplace_booking b join workplace_desk d on d.id = b.desk_id
  where b.floor_id = $1 and b.status in ('booked', 'checked_in')`;

async function storedBookings(
  database: 'sqlite' | 'postgres',
  dataDir: string,
  databaseUrl: string | undefined,
  floorId: string,
): Promise<StoredBooking[]> {
  let rows: StoredBooking[];
  if (database === 'sqlite') {
    const sqlite = new SQLite(path.join(dataDir, 'relais.sqlite'), { readonly: true });
    rows = sqlite.prepare(STORED_SQL.replace('$1', '?')).all(floorId) as StoredBooking[];
    sqlite.close();
  } else {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    rows = (await client.query(STORED_SQL, [floorId])).rows as StoredBooking[];
    await client.end();
  }
  return rows.map((row) => ({
    ...row,
    booked_on: String(row.booked_on),
    x: Number(row.x),
    y: Number(row.y),
  }));
}

async function benchDatabase(database: 'sqlite' | 'postgres') {
  const dataDir = tempDataDir(`desk-booking-${database}`);
  let databaseUrl: string | undefined;
  const admin =
    database === 'postgres' ? new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` }) : null;
  const env: Record<string, string> = { RELAIS_DATA_DIR: dataDir, DATABASE_URL: '' };
  if (admin) {
    const name = `relais_bench_${randomBytes(6).toString('hex')}`;
    await admin.connect();
    await admin.query(`create database ${name}`);
    databaseUrl = `${POSTGRES_URL}/${name}`;
    env.DATABASE_URL = databaseUrl;
  }
  log(`${database}: migrating and seeding the demo (relais seed --demo)...`);
  relais(['seed', '--demo'], env);
  log(`${database}: importing the generated buildings and ${CLIENTS} people...`);
  const crowdPlan = generatedSite(CROWD_SITE, 1, 4, 50);
  const largePlan = generatedSite(LARGE_SITE, 10, 10, 100);
  for (const plan of [crowdPlan, largePlan]) {
    const file = path.join(dataDir, `${plan.site.id}.json`);
    fs.writeFileSync(file, JSON.stringify(plan));
    relais(['desks', 'import-plan', file], env);
  }
  const people = path.join(dataDir, 'people.csv');
  const rows = Array.from({ length: CLIENTS }, (_, i) => {
    const username = `bench.booker${String(i + 1).padStart(3, '0')}`;
    return `${username},Bench Booker ${i + 1},${username}@bench.example,en,employee,,`;
  });
  fs.writeFileSync(
    people,
    [
      'username,name,email,language,roles,org_unit,partner',
      ...rows,
      'bench.facility,Bench Facility,bench.facility@bench.example,en,facility employee,,',
    ].join('\n'),
  );
  const passwords = new Map(
    relais(['user', 'import', people, '--generate-passwords'], env)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',') as [string, string]),
  );

  const nodeOptions: string[] = [];
  if (CPU_PROFILE_DIR) {
    fs.mkdirSync(CPU_PROFILE_DIR, { recursive: true });
    nodeOptions.push(
      '--cpu-prof',
      `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR)}`,
      `--cpu-prof-name=server-desk-booking-${database}-${Date.now()}.cpuprofile`,
    );
  }
  const server = await startServer(dataDir, env, nodeOptions);
  try {
    const sessions: Session[] = [];
    // A few at a time: password checks are deliberately slow.
    const names = [...passwords.keys()].filter((username) => username !== 'bench.facility');
    for (let i = 0; i < names.length; i += 4)
      sessions.push(
        ...(await Promise.all(
          names.slice(i, i + 4).map((username) => login(server, username, passwords.get(username)!)),
        )),
      );
    const facility = await login(server, 'bench.facility', passwords.get('bench.facility')!);
    const agent = new http.Agent({ keepAlive: true });
    const rulesAnswer = await send(
      server,
      agent,
      facility,
      'PUT',
      `/api/v1/workplace/sites/${CROWD_SITE}/rules`,
      CROWD_RULES,
    );
    agent.destroy();
    if (rulesAnswer.status !== 200) throw new Error(`rules: ${rulesAnswer.status} ${rulesAnswer.body}`);

    const crowdFloor = crowdPlan.floors[0]!;
    const day = openDaysAhead(CROWD_RULES.horizonDays)[0]!;
    const loadAtCrowd = machine().loadavg_1m;
    log(`${database}: ${CLIENTS} clients book on ${crowdFloor.id} for ${day} during ${SECONDS} s...`);
    const crowdFigures = await crowd(
      server,
      sessions,
      crowdFloor.desks.map((d) => d.id),
      day,
    );
    const stored = await storedBookings(database, dataDir, databaseUrl, crowdFloor.id);
    const desksPerZone = new Map(crowdFloor.zones.map((z) => [z.id, z.desks]));
    const violations = bookingViolations(stored, {
      minDistanceMetres: CROWD_RULES.minDistanceMetres,
      zoneCapacity: (zone) => zoneCapacity(desksPerZone.get(zone) ?? 0, CROWD_RULES),
      weeklyOfficeDaysMax: CROWD_RULES.weeklyOfficeDaysMax,
    });
    const storedMatches = stored.length === crowdFigures.accepted - crowdFigures.cancelled;
    log(
      `${database}: ${crowdFigures.attempts_per_second} attempts/s (${crowdFigures.accepted_per_second} accepted, ${crowdFigures.refused_per_second} refused; target ≥ ${TARGETS[database]}), p50 ${crowdFigures.booking_ms.p50} ms p99 ${crowdFigures.booking_ms.p99} ms, server ${crowdFigures.server_cpu_us_per_request} µs CPU/request (${crowdFigures.server_cpu_share} of a core); refusals ${JSON.stringify(crowdFigures.refusals)}; ${stored.length} stored, ${violations.length} violations${violations.length ? `: ${violations.slice(0, 5).join('; ')}` : ''}`,
    );

    log(`${database}: ${LATENCY_BOOKINGS} bookings one at a time on ${LARGE_SITE} (10,000 desks)...`);
    const large = await oneAtATime(
      server,
      sessions,
      largePlan.floors.flatMap((f) => f.desks.map((d) => d.id)),
    );
    log(
      `${database}: one booking on 10,000 desks: p50 ${large.p50_ms} ms, p99 ${large.p99_ms} ms (target < ${TARGETS.p99_ms}); ${large.accepted} accepted, ${large.refused} refused`,
    );
    const loadAfter = machine().loadavg_1m;

    // What HTTP and authentication alone cost on this server now (bench/http-baseline.ts's two
    // routes): a booking's own work is what its server CPU adds to an authenticated GET's.
    log(`${database}: HTTP floor: GET /healthz and GET /api/v1/me for ${HTTP_SECONDS} s each...`);
    const healthz = await loadServer(server, '/healthz', {}, HTTP_SECONDS);
    const me = await loadServer(server, '/api/v1/me', { cookie: sessions[0]!.cookie }, HTTP_SECONDS);
    const httpFloor = {
      healthz_rps: healthz.rps,
      me_rps: me.rps,
      healthz_cpu_us_per_request: healthz.cpuUs,
      me_cpu_us_per_request: me.cpuUs,
      // Share of a booking request's server CPU that an authenticated GET costs as well.
      me_share_of_booking_cpu:
        me.cpuUs === null || crowdFigures.server_cpu_us_per_request === null
          ? null
          : Math.round((me.cpuUs / crowdFigures.server_cpu_us_per_request) * 100) / 100,
    };
    log(
      `${database}: /healthz ${healthz.rps} req/s (${healthz.cpuUs} µs CPU), /api/v1/me ${me.rps} req/s (${me.cpuUs} µs CPU): ${httpFloor.me_share_of_booking_cpu} of a booking request's CPU`,
    );
    return {
      loadavg_1m: { at_crowd: loadAtCrowd, after_large_site: loadAfter },
      http_floor: httpFloor,
      crowd: {
        ...crowdFigures,
        stored: stored.length,
        stored_matches_answers: storedMatches,
        violations: violations.length,
        first_violations: violations.slice(0, 5),
      },
      large_site: { desks: 10_000, ...large },
    };
  } finally {
    const code = await server.stop();
    if (code !== 0) process.exitCode = 1;
    if (admin && databaseUrl) {
      await admin.query(`drop database ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
      await admin.end();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const machineAtStart = machine();
ensureServerBuilt();
const results: Record<string, Awaited<ReturnType<typeof benchDatabase>>> = {};
for (const database of DATABASES) results[database] = await benchDatabase(database);

const meetsTarget = Object.entries(results).every(
  ([database, f]) =>
    f.crowd.attempts_per_second >= TARGETS[database as 'sqlite' | 'postgres'] &&
    f.crowd.violations === 0 &&
    f.crowd.stored_matches_answers &&
    f.large_site.p99_ms < TARGETS.p99_ms,
);
// The figures at a glance, one line a database (the JSON line below holds everything).
const table = [
  '| dialect | attempts/s | accepted/s | refused/s | violations | p99 on 10,000 desks | server CPU per request | GET /api/v1/me CPU | load average (1 min) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...Object.entries(results).map(
    ([database, f]) =>
      `| ${database} | ${f.crowd.attempts_per_second} (target ≥ ${TARGETS[database as 'sqlite' | 'postgres']}) | ${f.crowd.accepted_per_second} | ${f.crowd.refused_per_second} | ${f.crowd.violations} | ${f.large_site.p99_ms} ms (target < ${TARGETS.p99_ms}) | ${f.crowd.server_cpu_us_per_request} µs | ${f.http_floor.me_cpu_us_per_request} µs | ${f.loadavg_1m.at_crowd} → ${f.loadavg_1m.after_large_site} |`,
  ),
];
log(`\n${table.join('\n')}\n`);
console.log(
  JSON.stringify({
    bench: 'desk-booking',
    seconds: SECONDS,
    clients: CLIENTS,
    targets: {
      sqlite_attempts_per_second: TARGETS.sqlite,
      postgres_attempts_per_second: TARGETS.postgres,
      violations: 0,
      large_site_p99_ms: TARGETS.p99_ms,
    },
    meets_target: meetsTarget,
    ...results,
    machine: { ...machineAtStart, loadavg_1m_at_end: machine().loadavg_1m },
  }),
);
