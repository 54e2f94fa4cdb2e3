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
 * A fresh, migrated database of its own: a temporary SQLite file, or a new PostgreSQL database that
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
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  // A database of its own, not a schema: Kysely's migrator introspects every schema of the
  // database it runs in, and another test file dropping its schema meanwhile broke that query.
  const name = `relais_test_${suffix}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    location: name,
    close: async () => {
      await handle.close();
      // Not `with (force)`: that kills connections the pool is still closing, and their error
      // surfaces as an unhandled one. The server lets go of closed sessions within moments.
      for (let attempt = 1; ; attempt++) {
        try {
          await admin(`drop database if exists ${name}`);
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
  };
}

/** A second connection to the same database: what another instance of Relais would hold. */
export function secondConnection(database: DatabaseHandle & { location: string }): DatabaseHandle {
  if (database.dialect === 'sqlite') return openSqlite(database.location);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database.location}`;
  return openPostgres(url.toString(), { max: 3 });
}
