import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, type Dialect, openPostgres, openSqlite } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const DIALECTS: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * A fresh, migrated database of its own: a temporary SQLite file, or a new PostgreSQL schema that
 * `close()` drops, so parallel test files never see each other's rows.
 */
export async function createTestDatabase(dialect: Dialect): Promise<DatabaseHandle & { location: string }> {
  const suffix = randomBytes(6).toString('hex');
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-test-'));
    const file = path.join(dir, 'relais.sqlite');
    const handle = openSqlite(file);
    await migrateToLatest(handle.db);
    return {
      ...handle,
      location: file,
      close: async () => {
        await handle.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `relais_test_${suffix}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openPostgres(url, { schema, max: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    location: schema,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
