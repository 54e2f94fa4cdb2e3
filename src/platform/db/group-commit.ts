import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { withTransaction } from './transaction.js';

/**
 * At most this many calls share a commit; the ones arriving meanwhile wait for the next. Groups of
 * at most 16 measured slower, and searches waited longer: each commit holds the server for an fsync.
 */
const MAX_GROUP = 100;

type Participant = {
  work: (trx: Kysely<any>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Group = { waiting: Participant[]; isScheduled: boolean; isCommitting: boolean };

const groups = new WeakMap<Kysely<any>, Group>();

/**
 * Runs `work` in a transaction, like withTransaction, but on SQLite it shares that transaction,
 * and so its commit, with the other calls made in the same turn of the event loop. SQLite has one
 * connection and commits one transaction at a time, each with its own fsync (synchronous=FULL),
 * during which the whole server waits: fifty agents logging a call each then queue behind fifty
 * fsyncs. Shared, they wait for one. Each call still gets its answer only once its rows are
 * durable, and each runs in a savepoint of its own: one that fails is undone alone and gets its
 * own error, the others are committed. A commit that fails fails them all (nothing was stored).
 * `work` must use `trx` only, and no other slow wait: the calls of its group run one after the
 * other. PostgreSQL groups concurrent commits itself, so there the call is withTransaction's.
 */
export function withGroupCommit<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction || !(db.getExecutor().adapter instanceof SqliteAdapter))
    return withTransaction(db, work);
  let group = groups.get(db);
  if (!group) {
    group = { waiting: [], isScheduled: false, isCommitting: false };
    groups.set(db, group);
  }
  const joined = group;
  return new Promise<T>((resolve, reject) => {
    joined.waiting.push({
      work: work as Participant['work'],
      resolve: resolve as Participant['resolve'],
      reject,
    });
    schedule(db, joined);
  });
}

function schedule(db: Kysely<any>, group: Group): void {
  if (group.isScheduled || group.isCommitting || group.waiting.length === 0) return;
  group.isScheduled = true;
  // After the I/O phase: the requests read in this turn have all joined by then.
  setImmediate(() => {
    group.isScheduled = false;
    void commitGroup(db, group);
  });
}

async function commitGroup(db: Kysely<any>, group: Group): Promise<void> {
  group.isCommitting = true;
  const participants = group.waiting.splice(0, MAX_GROUP);
  let outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    await withTransaction(db, async (trx) => {
      // A retried transaction runs everyone again from the start.
      outcomes = [];
      for (const participant of participants) {
        await sql`savepoint group_commit_participant`.execute(trx);
        try {
          const value = await participant.work(trx);
          await sql`release group_commit_participant`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (error) {
          // If SQLite rolled the whole transaction back (a full disk), this throws and fails the group.
          await sql`rollback to group_commit_participant`.execute(trx);
          await sql`release group_commit_participant`.execute(trx);
          outcomes.push({ ok: false, error });
        }
        // better-sqlite3 runs each statement synchronously: a group of a hundred would hold the
        // event loop for tens of milliseconds at a stretch. Between calls, requests that need no
        // database (an agent's suggestion search) are answered; the others wait for the
        // connection as they would anyway.
        await new Promise((resume) => setImmediate(resume));
      }
    });
    participants.forEach((participant, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) participant.resolve(outcome.value);
      else participant.reject(outcome.error);
    });
  } catch (error) {
    participants.forEach((participant, i) => {
      const outcome = outcomes[i];
      participant.reject(outcome && !outcome.ok ? outcome.error : error);
    });
  } finally {
    group.isCommitting = false;
    schedule(db, group);
  }
}
