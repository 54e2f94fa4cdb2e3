/**
 * How many equipment reservations a second, with 50 clients competing for the last units of one
 * type, and does any unit go to two requests or any request get a unit the stock does not hold?
 * (issue 15)
 *
 *   npm run bench -- equipment
 *
 * For SQLite, then PostgreSQL, on a fresh migrated database, through the module's use case
 * (reserveRequest: the same transaction as POST /api/v1/equipment/requests/{id}/reserve, without
 * HTTP and the session check):
 * - the last units: BENCH_EQUIPMENT_ROUNDS rounds (default 40, after one of warm-up); each adds 20 units of one type to
 *   stock and 50 open requests for it, then 50 clients reserve one request each, all at once.
 *   Figures: attempts (200 + 409 out_of_stock) a second, reservations a second. After every round
 *   the database is read back: exactly 20 units reserved, 20 distinct, each held by the one
 *   request that names it, 30 refusals, all `out_of_stock` (zero over-allocation).
 * - throughput: 5,000 units and 5,000 requests, 50 clients taking the next request until none is
 *   left; reservations a second and p99, then the same check (every unit reserved once).
 * Target: ≥ 500 reservations a second on SQLite. BENCH_DATABASES=sqlite (or postgres) runs one;
 * BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432) is where a database
 * relais_bench_<random> is created and dropped. Prints ONE JSON line on stdout, figures on stderr.
 * Then, per database, the asset search (bench/support/equipment-assets.ts): BENCH_EQUIPMENT_ASSETS
 * generated assets (default 100,000), GET /api/v1/equipment/assets by tag, serial, type and
 * status, and free text, BENCH_EQUIPMENT_SEARCH_RUNS times each (default 300); p50 and p99 per
 * kind. Target: p99 ≤ 20 ms for every kind on both databases.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/modules/equipment/request-repository.js';
import { reserveRequest } from '../src/modules/equipment/reservation-service.js';
import { AppError } from '../src/platform/errors.js';
import { BENCH_DATABASES, withBenchDatabase } from './support/database.js';
import { benchAssetSearch, type SearchKind } from './support/equipment-assets.js';
import { log, machine } from './support/server.js';

const CLIENTS = 50;
const LAST_UNITS = 20;
const ROUNDS = Number(process.env.BENCH_EQUIPMENT_ROUNDS ?? 40);
const THROUGHPUT_UNITS = Number(process.env.BENCH_EQUIPMENT_UNITS ?? 5000);
const TARGET_SQLITE = 500;
const SEARCH_ASSETS = Number(process.env.BENCH_EQUIPMENT_ASSETS ?? 100_000);
const SEARCH_RUNS = Number(process.env.BENCH_EQUIPMENT_SEARCH_RUNS ?? 300);
const TARGET_SEARCH_P99_MS = 20;
const ACTOR = { id: null, username: 'bench' };
const NOW = '2026-12-07T08:00:00.000Z';
const PERSON = 'bench-person';

const round1 = (x: number) => Math.round(x * 10) / 10;
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round1(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}

async function addUnits(db: Db, type: string, count: number, prefix: string): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    asset_tag: `${prefix}-${String(i + 1).padStart(5, '0')}`,
    type,
    model: 'Bench model',
    serial: null,
    status: 'in_stock',
    location: 'stock',
    site: 'HQ',
    desk: null,
    holder_id: null,
    request_id: null,
    created_at: NOW,
    updated_at: NOW,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('equipment_asset')
      .values(rows.slice(i, i + 500))
      .execute();
}

async function addRequests(db: Db, type: string, count: number): Promise<string[]> {
  const rows = Array.from({ length: count }, () => ({
    id: `EQ-${randomUUID()}`,
    person_id: PERSON,
    type,
    kind: 'item',
    status: 'open',
    delivery: 'site',
    site: null,
    address: null,
    reason: null,
    kit_id: null,
    due_on: null,
    amount_cents: null,
    receipt_name: null,
    receipt_type: null,
    receipt: null,
    asset_id: null,
    decided_by: null,
    decided_at: null,
    refusal_reason: null,
    created_by: null,
    created_at: NOW,
    updated_at: NOW,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('equipment_request')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => r.id);
}

type Attempt = { ok: boolean; code: string | null; tag: string | null; ms: number };

async function attempt(db: Db, id: string): Promise<Attempt> {
  const started = performance.now();
  try {
    const { assetTag } = await reserveRequest(db, ACTOR, id);
    return { ok: true, code: null, tag: assetTag, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, code: error.code, tag: null, ms: performance.now() - started };
    throw error;
  }
}

/** Problems with what the database holds for a type: units reserved twice, or more than the stock. */
async function overAllocation(db: Db, type: string, units: number, expected: number): Promise<string[]> {
  const assets = await db.selectFrom('equipment_asset').selectAll().where('type', '=', type).execute();
  const requests = await db
    .selectFrom('equipment_request')
    .select(['id', 'asset_id'])
    .where('type', '=', type)
    .where('status', '=', 'reserved')
    .execute();
  const problems: string[] = [];
  const reserved = assets.filter((a) => a.status === 'reserved');
  if (assets.length !== units) problems.push(`${type}: ${assets.length} units, expected ${units}`);
  if (reserved.length !== expected)
    problems.push(`${type}: ${reserved.length} units reserved, expected ${expected}`);
  if (requests.length !== expected)
    problems.push(`${type}: ${requests.length} requests reserved, expected ${expected}`);
  const held = new Set(requests.map((r) => r.asset_id));
  if (held.size !== requests.length) problems.push(`${type}: a unit held by two requests`);
  for (const request of requests) {
    const unit = assets.find((a) => a.id === request.asset_id);
    if (unit?.request_id !== request.id || unit.status !== 'reserved')
      problems.push(`${type}: request ${request.id} holds a unit that does not name it`);
  }
  return problems;
}

async function lastUnits(db: Db) {
  const attempts: Attempt[] = [];
  const problems: string[] = [];
  let elapsed = 0;
  // Round -1 warms up (statement caches, JIT): checked, not counted.
  for (let round = -1; round < ROUNDS; round++) {
    // A type of its own per round: the 20 units are the last ones free of that type.
    const type = `bench-${round}`;
    await addUnits(db, type, LAST_UNITS, `R${round}`);
    const ids = await addRequests(db, type, CLIENTS);
    const started = performance.now();
    const results = await Promise.all(ids.map((id) => attempt(db, id)));
    if (round >= 0) {
      elapsed += performance.now() - started;
      attempts.push(...results);
    }
    const won = results.filter((r) => r.ok);
    if (won.length !== LAST_UNITS) problems.push(`round ${round}: ${won.length} reservations`);
    if (new Set(won.map((r) => r.tag)).size !== won.length)
      problems.push(`round ${round}: a tag given twice`);
    const refusals = results.filter((r) => !r.ok);
    if (refusals.some((r) => r.code !== 'out_of_stock'))
      problems.push(`round ${round}: refusals ${[...new Set(refusals.map((r) => r.code))].join(', ')}`);
    problems.push(...(await overAllocation(db, type, LAST_UNITS, LAST_UNITS)));
  }
  const reservations = attempts.filter((a) => a.ok).length;
  return {
    rounds: ROUNDS,
    attempts: attempts.length,
    reservations,
    out_of_stock: attempts.filter((a) => a.code === 'out_of_stock').length,
    attempts_per_s: round1(attempts.length / (elapsed / 1000)),
    reservations_per_s: round1(reservations / (elapsed / 1000)),
    p99_ms: percentile(
      attempts.map((a) => a.ms),
      99,
    ),
    over_allocation: problems.length,
    problems: problems.slice(0, 5),
  };
}

async function throughput(db: Db) {
  const type = 'bench-throughput';
  await addUnits(db, type, THROUGHPUT_UNITS, 'T');
  const queue = await addRequests(db, type, THROUGHPUT_UNITS);
  const results: Attempt[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) results.push(await attempt(db, id));
    }),
  );
  const elapsed = performance.now() - started;
  const problems = await overAllocation(db, type, THROUGHPUT_UNITS, THROUGHPUT_UNITS);
  const failed = results.filter((r) => !r.ok);
  if (failed.length)
    problems.push(`${failed.length} failed: ${[...new Set(failed.map((f) => f.code))].join(', ')}`);
  return {
    units: THROUGHPUT_UNITS,
    reservations: results.filter((r) => r.ok).length,
    reservations_per_s: round1(results.length / (elapsed / 1000)),
    p50_ms: percentile(
      results.map((r) => r.ms),
      50,
    ),
    p99_ms: percentile(
      results.map((r) => r.ms),
      99,
    ),
    over_allocation: problems.length,
    problems: problems.slice(0, 5),
  };
}

async function onDatabase(dialect: 'sqlite' | 'postgres') {
  return withBenchDatabase(dialect, 'equipment', async (handle) => {
    const db = handle.db as unknown as Db;
    const contended = await lastUnits(db);
    log(
      `${dialect}: ${CLIENTS} clients for the last ${LAST_UNITS} units, ${contended.rounds} rounds: ${contended.attempts_per_s} attempts/s, ${contended.reservations_per_s} reservations/s, p99 ${contended.p99_ms} ms; ${contended.reservations} reserved, ${contended.out_of_stock} out_of_stock; over-allocation: ${contended.over_allocation}`,
    );
    const plenty = await throughput(db);
    log(
      `${dialect}: ${CLIENTS} clients, ${plenty.units} units for ${plenty.units} requests: ${plenty.reservations_per_s} reservations/s, p50 ${plenty.p50_ms} ms, p99 ${plenty.p99_ms} ms; over-allocation: ${plenty.over_allocation}`,
    );
    return { last_units: contended, throughput: plenty };
  });
}

const result: Record<string, unknown> = {
  bench: 'equipment',
  clients: CLIENTS,
  last_units: LAST_UNITS,
  target_sqlite_reservations_per_s: TARGET_SQLITE,
  search_assets: SEARCH_ASSETS,
  target_search_p99_ms: TARGET_SEARCH_P99_MS,
  machine: machine(),
};
let overAllocated = 0;
let reservationsMet = true;
let searchMet = true;
for (const dialect of BENCH_DATABASES) {
  const figures = await onDatabase(dialect);
  overAllocated += figures.last_units.over_allocation + figures.throughput.over_allocation;
  if (dialect === 'sqlite' && figures.last_units.reservations_per_s < TARGET_SQLITE) reservationsMet = false;
  // Its own database, after the reservations' is dropped: the two parts never share a cache.
  const assets = await benchAssetSearch(dialect, { count: SEARCH_ASSETS, runs: SEARCH_RUNS });
  const search = Object.fromEntries(
    (Object.entries(assets.search) as [SearchKind, (typeof assets.search)[SearchKind]][]).map(([kind, f]) => [
      kind,
      { p50_ms: f.p50, p99_ms: f.p99, runs: f.runs, last_total: f.lastTotal },
    ]),
  );
  const worst = Math.max(...Object.values(assets.search).map((f) => f.p99));
  if (worst > TARGET_SEARCH_P99_MS) searchMet = false;
  result[dialect] = {
    ...figures,
    asset_search: { assets: assets.assets, load_seconds: assets.loadSeconds, worst_p99_ms: worst, ...search },
  };
}
result.over_allocation = overAllocated;
result.meets_target = overAllocated === 0 && reservationsMet && searchMet;
process.stdout.write(`${JSON.stringify(result)}\n`);
if (overAllocated > 0) process.exitCode = 1;
