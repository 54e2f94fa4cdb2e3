import type { Identity } from './identity.js';
import type { ActiveSession } from './sessions.js';

/**
 * The sessions (and their people) that answered in the last few seconds, so that a burst of
 * requests from the same person costs no database read each: an agent's search box asks at every
 * pause in typing, and fifty agents logging calls at once would otherwise spend two reads of every
 * request on who they are. Logging out, "log out everywhere", and any change to a person (roles,
 * deactivation, password) made on this instance forget the entries at once; another instance's
 * copy lasts at most `ttlMs` (RELAIS_SESSION_CACHE_SECONDS; 0 turns the cache off).
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

export function rememberSession(
  session: ActiveSession,
  identity: Identity,
  ttlMs: number,
  now = Date.now(),
): void {
  if (ttlMs <= 0) return;
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

export function forgetSession(idHash: string): void {
  entries.delete(idHash);
}

/** Forgets every cached session of a person, whose rights or state may have changed. */
export function forgetSessionsOf(personId: string): void {
  for (const [idHash, entry] of entries) if (entry.session.personId === personId) entries.delete(idHash);
}
