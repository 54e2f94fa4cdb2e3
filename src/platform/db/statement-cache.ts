import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew, and preparing costs more than running the small
 * indexed lookups authentication makes on every request (bench/http-baseline.ts: `prepare` took
 * more CPU than the queries themselves). So statements are kept by their SQL text, at most `max`,
 * the least recently used dropped first (`where id in (?, ?, …)` makes a new text per list length).
 * Only compiled statements are kept, never a result: a revoked session is refused at once.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      // A statement still being iterated (a streamed query) cannot run twice at once.
      if (cached && !cached.busy) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        statements.set(sql, statement);
        if (statements.size > max) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}
