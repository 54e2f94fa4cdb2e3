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
  /**
   * Tells `listener` about each idle connection the database server ended (a restart, a failover,
   * a terminated backend), to log it; only on PostgreSQL.
   */
  onConnectionError?(listener: (error: Error) => void): void;
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

/**
 * How long a request waits for a new PostgreSQL connection before it gets a 503: while the
 * database is away it must not hang until the client gives up.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

export type PostgresOptions = {
  /** Pins the search_path. */
  schema?: string;
  max?: number;
  connectTimeoutMs?: number;
};

/**
 * Opens a PostgreSQL pool that rides through a database restart. The server ends connections
 * when it restarts, fails over or when an administrator terminates them; node-postgres then emits
 * an `'error'` event on the connection, and an `'error'` event nobody listens to ends the Node
 * process, idle or not. Listened to here, the broken connection is dropped (the statement running
 * on it, if any, fails on its own), and the pool opens new ones on demand once the server is back.
 */
export function openPostgres(connectionString: string, options: PostgresOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // An idle connection to a server that vanished without closing it (a failover, a cut network)
    // is found dead by TCP keepalive and dropped, rather than handed to the next request.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const listeners = new Set<(error: Error) => void>();
  const report = (error: Error) => {
    for (const listener of listeners) listener(error);
  };
  // An idle connection's error comes through the pool, which then drops it.
  pool.on('error', report);
  // A connection lent out (between two statements of a transaction) emits its error on itself: the
  // pool listens only while the connection is idle. Its next statement fails and the pool drops it
  // on release; the listener only keeps that event from ending the process. Idle connections
  // report through the pool as well, so this one stays silent.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    close: () => db.destroy(),
    onConnectionError: (listener) => listeners.add(listener),
  };
}

export function openDatabase(config: {
  DATABASE_URL?: string | undefined;
  sqliteFile?: string | undefined;
}): DatabaseHandle {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  if (!config.sqliteFile) throw new Error('No database configured');
  return openSqlite(config.sqliteFile);
}
