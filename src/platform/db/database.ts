import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withStatementCache } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The app-wide handle. Modules type their repositories against their own tables
 * (`Kysely<DirectoryTables>`), so a query on another module's table fails to compile;
 * the composition root holds the untyped handle and passes it down.
 */
export type AnyDb = Kysely<any>;

export type DatabaseHandle = {
  db: AnyDb;
  dialect: Dialect;
  /** The raw better-sqlite3 connection (backup), only on SQLite. */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
};

// PostgreSQL's COUNT and BIGINT come back as strings; integers of the schema are INTEGER (int4).
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens SQLite with the settings DESIGN.md asks for: WAL, synchronous=FULL, foreign keys, busy timeout. */
export function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/** Opens a PostgreSQL pool; `schema` pins the search_path (tests use one schema per run). */
export function openPostgres(
  connectionString: string,
  options: { schema?: string; max?: number } = {},
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export function openDatabase(config: {
  DATABASE_URL?: string | undefined;
  sqliteFile?: string | undefined;
}): DatabaseHandle {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  if (!config.sqliteFile) throw new Error('No database configured');
  return openSqlite(config.sqliteFile);
}
