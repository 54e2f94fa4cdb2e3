/**
 * How fast the telephony's records load and the call center's figures answer over them (issue 16).
 *
 *   npm run bench -- calls-stats
 *
 * For SQLite, then PostgreSQL, on a fresh migrated database, through the module's use cases (the
 * same calls as `relais calls import` and GET /api/v1/stats/calls, without HTTP and the session):
 * - import: the 43,385 records of demo/callcenter/calls-2020.csv read, checked and stored in one
 *   transaction (the file read from disk included); then the same file again (every call already
 *   known, nothing stored).
 * - figures: the year 2020 by day (366 rows) and by hour, and one day (18 March 2020) by hour,
 *   BENCH_CALLS_RUNS times each (default 200, after 10 of warm-up); p50 and p99.
 * - import with inquiries: the calls forgotten, 3,681 phone inquiries logged on their lines (one
 *   30 s after the answer of every tenth answered call, one in fifty twice), the file imported
 *   again: the link by line and time at scale, and how many it links.
 * Targets: import under 5 s, figures p99 under 50 ms. BENCH_DATABASES=sqlite (or postgres) runs
 * one; BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432) is where a database
 * relais_bench_<random> is created and dropped. Prints ONE JSON line on stdout, figures on stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { callStats } from '../src/modules/inquiries/calls/call-stats.js';
import { importCallFile } from '../src/modules/inquiries/calls/store-calls.js';
import type { Db } from '../src/modules/inquiries/repository/db.js';
import { ROOT } from './support/build.js';
import { BENCH_DATABASES, withBenchDatabase } from './support/database.js';
import { log, machine } from './support/server.js';

const CALLS_FILE = path.join(ROOT, 'demo/callcenter/calls-2020.csv');
const RUNS = Number(process.env.BENCH_CALLS_RUNS ?? 200);
const WARM_UP = 10;
const TARGET_IMPORT_MS = 5000;
const TARGET_STATS_P99_MS = 50;
const SERVICE_LEVEL_SECONDS = 20;
const ACTOR = { id: null, username: 'bench' };

const round1 = (x: number) => Math.round(x * 10) / 10;
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}

async function timeStats(db: Db, query: Parameters<typeof callStats>[1]) {
  const times: number[] = [];
  let received = 0;
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const start = performance.now();
    const stats = await callStats(db, query, SERVICE_LEVEL_SECONDS);
    const ms = performance.now() - start;
    if (i >= WARM_UP) times.push(ms);
    received = stats.totals.received;
  }
  return { received, p50_ms: percentile(times, 50), p99_ms: percentile(times, 99) };
}

/**
 * The import when agents logged phone inquiries on their lines during 2020: the calls forgotten,
 * one inquiry logged 30 s after the answer of every LOGGED_EVERY-th answered call (a few of them
 * twice, which must stay unlinked), then the file imported again and linked.
 */
const LOGGED_EVERY = 10;
async function timeImportWithInquiries(db: Db) {
  await db.deleteFrom('inquiry_call_record').execute();
  const answered = fs
    .readFileSync(CALLS_FILE, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((columns) => columns[6] === 'answered');
  const callOf = new Map<string, string>();
  const rows = answered
    .filter((_, i) => i % LOGGED_EVERY === 0)
    .flatMap((columns, i) => {
      callOf.set(`bench-${i}-1`, columns[0] as string);
      const at = new Date(Date.parse(columns[4] as string) + 30_000).toISOString();
      const row = (n: number) => ({
        id: `bench-${i}-${n}`,
        ref: `Q-BENCH-${i}-${n}`,
        channel: 'phone',
        origin: 'self_employed',
        language: 'fr',
        status: 'new',
        question: 'Bench',
        kind: 'citizen',
        line: Number(columns[1]),
        created_at: at,
        updated_at: at,
      });
      return i % 50 === 0 ? [row(1), row(2)] : [row(1)];
    });
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('inquiry')
      .values(rows.slice(i, i + 500) as never)
      .execute();
  const start = performance.now();
  const imported = await importCallFile(db, ACTOR, fs.readFileSync(CALLS_FILE, 'utf8'));
  const importMs = Math.round(performance.now() - start);
  // A link is right when it names the call the inquiry was logged for.
  const links = await db
    .selectFrom('inquiry_call_record')
    .select(['call_id', 'inquiry_id'])
    .where('inquiry_id', 'is not', null)
    .execute();
  return {
    calls: imported.inserted,
    inquiries: rows.length,
    import_ms: importMs,
    linked: imported.linked,
    linked_wrongly: links.filter((link) => callOf.get(link.inquiry_id as string) !== link.call_id).length,
  };
}

async function onDatabase(dialect: 'sqlite' | 'postgres') {
  return withBenchDatabase(dialect, 'calls', async (handle) => {
    const db = handle.db as unknown as Db;
    let start = performance.now();
    const imported = await importCallFile(db, ACTOR, fs.readFileSync(CALLS_FILE, 'utf8'));
    const importMs = Math.round(performance.now() - start);
    start = performance.now();
    const again = await importCallFile(db, ACTOR, fs.readFileSync(CALLS_FILE, 'utf8'));
    const againMs = Math.round(performance.now() - start);
    log(
      `${dialect}: imported ${imported.inserted} calls in ${importMs} ms; again ${againMs} ms (${again.inserted} new, ${again.already_known} already known)`,
    );
    const year = { from: '2020-01-01', to: '2020-12-31' };
    const perDay = await timeStats(db, { ...year, by: 'day' });
    const perHour = await timeStats(db, { ...year, by: 'hour' });
    const oneDay = await timeStats(db, { from: '2020-03-18', to: '2020-03-18', by: 'hour' });
    log(
      `${dialect}: 2020 by day p50 ${perDay.p50_ms} ms, p99 ${perDay.p99_ms} ms; by hour p50 ${perHour.p50_ms} ms, p99 ${perHour.p99_ms} ms; 18 March by hour p50 ${oneDay.p50_ms} ms, p99 ${oneDay.p99_ms} ms (${perDay.received} calls, ${oneDay.received} that day)`,
    );
    const linking = await timeImportWithInquiries(db);
    log(
      `${dialect}: imported ${linking.calls} calls again, with ${linking.inquiries} phone inquiries logged on their lines, in ${linking.import_ms} ms (${linking.linked} linked by line and time, ${linking.linked_wrongly} of them to another call than the one logged)`,
    );
    return {
      calls: imported.inserted,
      import_ms: importMs,
      import_again_ms: againMs,
      again_inserted: again.inserted,
      import_with_inquiries: linking,
      year_by_day: perDay,
      year_by_hour: perHour,
      day_by_hour: oneDay,
    };
  });
}

const result: Record<string, unknown> = {
  bench: 'calls-stats',
  runs: RUNS,
  target_import_ms: TARGET_IMPORT_MS,
  target_stats_p99_ms: TARGET_STATS_P99_MS,
  machine: machine(),
};
let isMet = true;
for (const dialect of BENCH_DATABASES) {
  const figures = await onDatabase(dialect);
  result[dialect] = figures;
  const worstP99 = Math.max(
    figures.year_by_day.p99_ms,
    figures.year_by_hour.p99_ms,
    figures.day_by_hour.p99_ms,
  );
  if (figures.import_ms >= TARGET_IMPORT_MS || worstP99 >= TARGET_STATS_P99_MS || figures.calls !== 43_385)
    isMet = false;
}
result.targets_met = isMet;
console.log(JSON.stringify(result));
