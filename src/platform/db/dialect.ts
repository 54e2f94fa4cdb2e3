import { type Kysely, PostgresAdapter } from 'kysely';

/** Whether `db` (a connection pool or a transaction) talks to PostgreSQL rather than SQLite. */
export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;
