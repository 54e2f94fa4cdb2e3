import type { Kysely } from 'kysely';
import { withTransaction } from '../db/transaction.js';
import { forgetChanged } from './session-cache.js';

/** What a change to people's access touched, so the session cache forgets it once committed. */
export type AccessChange = {
  /** A session ended (by the hash of its secret). */
  session(idHash: string): void;
  /** A person whose sessions, roles, state or profile changed. */
  person(personId: string): void;
};

/**
 * The one path for every change to who may do what: logout, "log out everywhere", a person's
 * roles, deactivation, password or language. `work` runs in a transaction of its own and names
 * what it touches; the session cache forgets those only after the commit, so no request can read
 * the old state back into it between the forgetting and the commit (issue 10, point 2).
 *
 * It must own its transaction: inside a caller's, "after commit" would come before the caller's
 * commit, and the race would be back.
 */
export async function withAccessChange<T>(
  db: Kysely<any>,
  work: (trx: Kysely<any>, change: AccessChange) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) throw new Error('withAccessChange must own its transaction, not join one');
  const sessions = new Set<string>();
  const people = new Set<string>();
  const change: AccessChange = {
    session: (idHash) => sessions.add(idHash),
    person: (personId) => people.add(personId),
  };
  try {
    return await withTransaction(db, (trx) => work(trx, change));
  } finally {
    // Also after a rollback: forgetting too much only costs the next request a read.
    forgetChanged({ sessions, people });
  }
}
