import type { Kysely } from 'kysely';

const MAX_ATTEMPTS = 5;

/** PostgreSQL serialization failure and deadlock: safe to retry the whole transaction. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY';
}

/**
 * Runs `work` in one transaction and retries it when the database reports a conflict.
 * SQLite serialises writers already; on PostgreSQL pass `isolation: 'serializable'` where a
 * rule is checked and written together (two bookings must not break it together).
 */
export async function withTransaction<DB, T>(
  db: Kysely<DB>,
  // Typed as Kysely (a Transaction is one) so an untyped app handle narrows to a module's tables.
  work: (trx: Kysely<DB>) => Promise<T>,
  options: { isolation?: 'serializable' } = {},
): Promise<T> {
  // Inside a caller's transaction (an import of many entries, all or nothing) the work joins it:
  // the retry then belongs to the outermost caller.
  if (db.isTransaction) return work(db);
  for (let attempt = 1; ; attempt++) {
    try {
      let builder = db.transaction();
      if (options.isolation) builder = builder.setIsolationLevel(options.isolation);
      return await builder.execute(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
