import { randomUUID } from 'node:crypto';
import { nowInstant } from '../../platform/db/time.js';
import { type Db, insertSearchMisses } from './repository.js';

export type SearchMiss = { query: string; lang: string; asOf: string; personId: string | null };

type Log = { warn(object: unknown, message: string): void };

/**
 * Searches that found nothing, for the editors (what callers ask that the FAQ does not answer),
 * written a moment later and several in one statement, never while the agent waits: the
 * suggestions of the agent console ask at every pause in typing, and during a surge each miss
 * written in its request would wait for a database connection behind the calls being logged.
 * What is pending when an instance dies (at most `delayMs` of misses) is lost: the list is a
 * ranking for editors, not a record anyone relies on.
 */
export class SearchMissLog {
  private pending: ReturnType<typeof toRow>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly log: Log,
    private readonly delayMs = 1_000,
    private readonly maxPending = 500,
  ) {}

  add(miss: SearchMiss): void {
    this.pending.push(toRow(miss));
    if (this.pending.length >= this.maxPending) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.delayMs).unref();
  }

  /** Writes what is pending; resolves once it is stored (the list of misses flushes first). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.pending.splice(0);
    if (rows.length > 0)
      this.writing = this.writing.then(() =>
        insertSearchMisses(this.db, rows).then(
          () => undefined,
          (error) => {
            this.log.warn({ err: error, misses: rows.length }, 'search misses not recorded');
          },
        ),
      );
    return this.writing;
  }
}

const toRow = (miss: SearchMiss) => ({
  id: randomUUID(),
  query: miss.query.trim().toLowerCase().slice(0, 200),
  lang: miss.lang,
  as_of: miss.asOf,
  person_id: miss.personId,
  at: nowInstant(),
});
