/**
 * Asset search on 100,000 generated assets (issue 15: p99 ≤ 20 ms), for bench/equipment.ts.
 *
 *   import { benchAssetSearch } from './support/equipment-assets.js';
 *   const figures = await benchAssetSearch('sqlite');   // or 'postgres'
 *
 * On a fresh migrated database (SQLite in a temporary directory, or a database
 * relais_bench_<random> created at BENCH_POSTGRES_URL and dropped after): 400 people, then
 * `count` assets (seeded: the same on both databases) with one `imported` move each, written in
 * batches through the module's repository in one transaction; then the app is built in-process and
 * GET /api/v1/equipment/assets is called through app.inject as an ICT session (routing, the access
 * check, validation, the queries and serialisation; no socket), one request at a time: by a whole
 * tag, by a whole serial, by type and status (a page of 50 of thousands), and by free text (a
 * tag prefix, a model prefix, a holder's surname), each `runs` times after a warm-up. p50 and p99
 * per kind, in milliseconds.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createPerson } from '../../src/modules/directory/index.js';
import { moveRowOf } from '../../src/modules/equipment/asset-moves.js';
import { type Db, insertAssetRows, insertMoveRows } from '../../src/modules/equipment/asset-repository.js';
import { ASSET_TYPES } from '../../src/modules/equipment/contract.js';
import type { AssetMoveRow, AssetRow } from '../../src/modules/equipment/tables.js';
import { CLI_ACTOR } from '../../src/platform/audit/audit.js';
import { openSession } from '../../src/platform/auth/sessions.js';
import { loadConfig } from '../../src/platform/config.js';
import { type DatabaseHandle, openPostgres, openSqlite } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { buildApp } from '../../src/server/app.js';
import { seededRandom } from '../lib/synthetic-corpus.js';
import { log, tempDataDir } from './server.js';

export type SearchKind = 'tag' | 'serial' | 'type_status' | 'free_text';
export type AssetSearchFigures = {
  dialect: 'sqlite' | 'postgres';
  assets: number;
  loadSeconds: number;
  /** Per kind of search: milliseconds, and the rows the last query found (a check that it found). */
  search: Record<SearchKind, { p50: number; p99: number; runs: number; lastTotal: number }>;
};

const SURNAMES = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'Dubois',
  'Lambert',
  'Dupont',
  'Martin',
  'Simon',
  'Laurent',
  'Leclercq',
  'Lejeune',
  'Renard',
  'Vermeulen',
  'Hermans',
];
const FIRST = ['Marie', 'Jan', 'Sofie', 'Luc', 'Anne', 'Pieter', 'Julie', 'Marc', 'Els', 'Thomas'];
const MODELS: Record<string, string[]> = {
  laptop: ['Latitude 5410', 'Latitude 5420', 'ThinkPad T14', 'EliteBook 840'],
  screen: ['P2419H', 'P2422H', 'E2420H'],
  docking_station: ['WD19', 'WD19TB'],
  headset: ['Evolve 40', 'Evolve2 65'],
  keyboard: ['KB216', 'K120'],
  mouse: ['MS116', 'MX Anywhere 3'],
  phone: ['Galaxy A52', 'iPhone SE'],
  chair: ['Ergo 300'],
  other: ['Webcam C920'],
};
const PREFIX: Record<string, string> = {
  laptop: 'LAP',
  screen: 'SCR',
  docking_station: 'DCK',
  headset: 'HDS',
  keyboard: 'KBD',
  mouse: 'MOU',
  phone: 'PHN',
  chair: 'CHR',
  other: 'OTH',
};
const SITES = ['BOT', 'WTC', 'NAM', 'LIE'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

async function openDatabase(dialect: 'sqlite' | 'postgres', postgresUrl: string) {
  if (dialect === 'sqlite') {
    const dir = tempDataDir('equipment-assets');
    const handle = openSqlite(path.join(dir, 'relais.db'));
    return { handle, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `relais_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = openPostgres(`${postgresUrl}/${name}`);
  return {
    handle,
    drop: async () => {
      const client = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** Writes `count` seeded assets (and 400 people, a third of the units at their homes); returns what the searches look for. */
export async function generateAssets(handle: DatabaseHandle, count: number) {
  const random = seededRandom(15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = new Date().toISOString();
  const people: string[] = [];
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 400; i++) {
      const id = randomUUID();
      people.push(id);
      await trx
        .insertInto('directory_person' as never)
        .values({
          id,
          username: `bench${i}`,
          name: `${pick(FIRST)} ${SURNAMES[i % SURNAMES.length]}`,
          email: `bench${i}@example.org`,
          phone: null,
          language: 'fr',
          org_unit_id: null,
          manager_id: null,
          partner_id: null,
          employed_from: null,
          employed_to: null,
          is_active: 1,
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
    }
  });
  const tags: string[] = [];
  const serials: string[] = [];
  const BATCH = 2000;
  await handle.db.transaction().execute(async (trx) => {
    for (let start = 0; start < count; start += BATCH) {
      const assets: AssetRow[] = [];
      const moves: AssetMoveRow[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        // Mostly the small things (mice, keyboards, headsets, screens), fewer laptops and chairs.
        const type = random() < 0.5 ? pick(['mouse', 'keyboard', 'headset', 'screen']) : pick(ASSET_TYPES);
        const roll = random();
        const atHome = roll < 0.35;
        const status = atHome
          ? 'assigned'
          : roll < 0.7
            ? 'in_stock'
            : roll < 0.9
              ? 'assigned'
              : roll < 0.95
                ? 'in_repair'
                : 'retired';
        const tag = `${PREFIX[type]}-${String(i + 1).padStart(6, '0')}`;
        const serial = `SN${randomBytes(5).toString('hex').toUpperCase()}${i}`;
        tags.push(tag);
        serials.push(serial);
        const asset: AssetRow = {
          id: randomUUID(),
          asset_tag: tag,
          type,
          model: pick(MODELS[type]!),
          serial,
          status,
          location: atHome ? 'home' : status === 'assigned' ? 'desk' : 'stock',
          site: atHome ? null : pick(SITES),
          desk:
            !atHome && status === 'assigned'
              ? `${pick(SITES)}-${1 + Math.floor(random() * 6)}-A-${String(Math.floor(random() * 120)).padStart(3, '0')}`
              : null,
          holder_id: atHome ? pick(people) : null,
          request_id: null,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        assets.push(asset);
        moves.push(moveRowOf(asset, { kind: 'imported' }, CLI_ACTOR, null, now));
      }
      await insertAssetRows(trx as unknown as Db, assets);
      await insertMoveRows(trx as unknown as Db, moves);
    }
  });
  // What a database does after a bulk import (the planner's statistics).
  await sql`analyze`.execute(handle.db);
  return { tags, serials, pick };
}

/** Generates the assets on a fresh database of `dialect`, measures the searches, drops the database. */
export async function benchAssetSearch(
  dialect: 'sqlite' | 'postgres',
  options: { count?: number; runs?: number; postgresUrl?: string } = {},
): Promise<AssetSearchFigures> {
  const count = options.count ?? 100_000;
  const runs = options.runs ?? 300;
  const postgresUrl = (
    options.postgresUrl ??
    process.env.BENCH_POSTGRES_URL ??
    'postgres://postgres@127.0.0.1:5432'
  ).replace(/\/$/, '');
  const { handle, drop } = await openDatabase(dialect, postgresUrl);
  try {
    await migrateToLatest(handle.db);
    const started = performance.now();
    const { tags, serials, pick } = await generateAssets(handle, count);
    const loadSeconds = (performance.now() - started) / 1000;
    log(`${dialect}: ${count} assets written in ${loadSeconds.toFixed(1)} s`);
    const config = loadConfig({
      RELAIS_DATA_DIR: tempDataDir('equipment-assets-app'),
      RELAIS_LOG_LEVEL: 'silent',
      RELAIS_DEFAULT_LANGUAGE: 'en',
      RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    });
    const app = await buildApp({ config, database: handle, logger: false, isUnderPressure: () => false });
    await app.ready();
    try {
      const ict = await createPerson(
        handle.db,
        CLI_ACTOR,
        {
          username: 'bench-ict',
          name: 'Bench ICT',
          email: 'ict@example.org',
          roles: ['ict'],
          partner: null,
          language: 'en',
          password: 'bench-password-1',
        },
        'en',
      );
      const { secret } = await openSession(
        handle.db as never,
        ict.id,
        { idleMinutes: 600, maxHours: 8 },
        { method: 'password' },
      );
      const headers = { cookie: `relais_session=${secret}` };
      const queries: Record<SearchKind, () => string> = {
        tag: () => `q=${pick(tags)}`,
        serial: () => `q=${pick(serials)}`,
        type_status: () =>
          `type=${pick(['screen', 'laptop', 'headset', 'mouse'])}&status=${pick(['in_stock', 'assigned'])}&offset=${pick([0, 50, 500])}`,
        free_text: () =>
          `q=${encodeURIComponent(pick([pick(SURNAMES), pick(tags).slice(0, 7), pick(['Latitude', 'evolve', 'P24', 'MX'])]))}`,
      };
      const search = {} as AssetSearchFigures['search'];
      for (const kind of Object.keys(queries) as SearchKind[]) {
        const times: number[] = [];
        let lastTotal = 0;
        for (let i = 0; i < runs + 20; i++) {
          const url = `/api/v1/equipment/assets?${queries[kind]()}`;
          const t0 = performance.now();
          const response = await app.inject({ method: 'GET', url, headers });
          const elapsed = performance.now() - t0;
          if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
          lastTotal = (response.json() as { total: number }).total;
          if (i >= 20) times.push(elapsed);
        }
        times.sort((a, b) => a - b);
        search[kind] = {
          p50: round(percentile(times, 50)),
          p99: round(percentile(times, 99)),
          runs,
          lastTotal,
        };
        log(
          `${dialect}: search by ${kind}: p50 ${search[kind].p50} ms, p99 ${search[kind].p99} ms (${runs} runs)`,
        );
      }
      return { dialect, assets: count, loadSeconds: Math.round(loadSeconds * 10) / 10, search };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    await drop();
  }
}
