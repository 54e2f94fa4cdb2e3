import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openPostgres, openSqlite } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { tempDataDir } from './server.js';

/** Where a benchmark creates its PostgreSQL databases (BENCH_POSTGRES_URL, without a database name). */
const POSTGRES_URL = (process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(
  /\/$/,
  '',
);

/** The databases a benchmark runs on: BENCH_DATABASES=sqlite (or postgres) runs one. */
export const BENCH_DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',') as (
  | 'sqlite'
  | 'postgres'
)[];

async function onPostgresAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${POSTGRES_URL}/postgres` });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database of the benchmark's own (a temporary SQLite file, or a new PostgreSQL
 * database), handed to `run` and dropped afterwards whatever happens.
 */
export async function withBenchDatabase<T>(
  dialect: 'sqlite' | 'postgres',
  label: string,
  run: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = tempDataDir(label);
    handle = openSqlite(path.join(dir, 'relais.db'));
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `relais_bench_${randomBytes(5).toString('hex')}`;
    await onPostgresAdmin(`create database ${name}`);
    handle = openPostgres(`${POSTGRES_URL}/${name}`);
    drop = () => onPostgresAdmin(`drop database if exists ${name} with (force)`);
  }
  try {
    await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
    await drop();
  }
}
