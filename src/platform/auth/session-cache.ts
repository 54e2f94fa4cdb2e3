import type { Identity } from './identity.js';
import type { ActiveSession } from './sessions.js';

/**
 * The sessions (and their people) that answered in the last few seconds, so that a burst of
 * requests from the same person costs no database read each: an agent's search box asks at every
 * pause in typing, and fifty agents logging calls at once would otherwise spend two reads of every
 * request on who they are. Any change to a session or a person made on this instance (logout,
 * "log out everywhere", roles, deactivation, password, language) forgets the entries once it has
 * committed (see revocation.ts); another instance's copy lasts at most `ttlMs`
 * (RELAIS_SESSION_CACHE_SECONDS; 0 turns the cache off).
 *
 * Forgetting alone is not enough: a read that started before the change commits may still be in
 * flight, and would store the old state right after it was forgotten. So every read takes a
 * ticket before it starts (`readTicket`), every change bumps a counter after it commits and marks
 * its sessions and people with it, and a result whose ticket is older than the latest mark of its
 * session or person is never stored.
 *
 * An entry past half its time is read again in the background by the next request that uses it,
 * so a person who keeps working never waits for that read: under a surge a read waits for a
 * database connection behind the calls being logged, and the agent's suggestions would stall
 * every few seconds.
 *
 * Keyed by the hash of the cookie's secret, like the sessions table: the secret is never kept.
 */
type Entry = {
  session: ActiveSession;
  identity: Identity;
  until: number;
  refreshFrom: number;
  isRefreshing: boolean;
};

const MAX_ENTRIES = 20_000;
const entries = new Map<string, Entry>();

/** Counts the changes forgotten on this instance; a ticket is its value when a read starts. */
let changeCount = 0;
/** The change count at the latest change of each session (`s:`) and person (`p:`). */
const marks = new Map<string, number>();
// Marks are dropped past this many to bound memory; reads that started before the drop are then
// simply not stored (the next request reads again), which is safe whatever they read.
const MAX_MARKS = 10_000;
let oldestStorableTicket = 0;

/** Taken before reading a session from the database; `rememberSession` needs it back. */
export type ReadTicket = number;

export function readTicket(): ReadTicket {
  return changeCount;
}

export function cachedSession(
  idHash: string,
  now = Date.now(),
): { session: ActiveSession; identity: Identity; shouldRefresh: boolean } | undefined {
  const entry = entries.get(idHash);
  if (!entry) return undefined;
  if (entry.until <= now) {
    entries.delete(idHash);
    return undefined;
  }
  // The first request past half-time refreshes it; the others meanwhile just use it.
  const shouldRefresh = !entry.isRefreshing && entry.refreshFrom <= now;
  if (shouldRefresh) entry.isRefreshing = true;
  return { session: entry.session, identity: entry.identity, shouldRefresh };
}

/** Whether a change to this session or person committed after the read holding `ticket` began. */
function isStale(session: ActiveSession, ticket: ReadTicket): boolean {
  if (ticket < oldestStorableTicket) return true;
  const latest = Math.max(marks.get(`s:${session.idHash}`) ?? -1, marks.get(`p:${session.personId}`) ?? -1);
  return latest > ticket;
}

export function rememberSession(
  session: ActiveSession,
  identity: Identity,
  ttlMs: number,
  ticket: ReadTicket,
  now = Date.now(),
): void {
  if (ttlMs <= 0) return;
  if (isStale(session, ticket)) {
    entries.delete(session.idHash);
    return;
  }
  // Never past the session's own end: a cached session must not outlive the one in the database.
  const until = Math.min(now + ttlMs, Date.parse(session.expiresAt));
  if (entries.size >= MAX_ENTRIES) {
    // Maps keep insertion order: the first key is the oldest entry.
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(session.idHash, {
    session,
    identity,
    until,
    refreshFrom: now + ttlMs / 2,
    isRefreshing: false,
  });
}

/** Drops one entry; for a session found ended, not for a change (that is `forgetChanged`). */
export function dropSession(idHash: string): void {
  entries.delete(idHash);
}

/**
 * Forgets the sessions and people a committed change touched, and refuses from now on whatever a
 * read that began before it would store. Call it only after the change has committed.
 */
export function forgetChanged(changed: { sessions: Iterable<string>; people: Iterable<string> }): void {
  changeCount += 1;
  if (marks.size >= MAX_MARKS) {
    marks.clear();
    oldestStorableTicket = changeCount;
  }
  const people = new Set(changed.people);
  for (const idHash of changed.sessions) {
    marks.set(`s:${idHash}`, changeCount);
    entries.delete(idHash);
  }
  for (const personId of people) marks.set(`p:${personId}`, changeCount);
  if (people.size > 0)
    for (const [idHash, entry] of entries) if (people.has(entry.session.personId)) entries.delete(idHash);
}
