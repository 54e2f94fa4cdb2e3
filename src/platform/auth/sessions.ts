import type { Kysely } from 'kysely';
import { preparedQuery } from '../db/prepared-query.js';
import { addMinutes, type Instant, nowInstant } from '../db/time.js';
import { type AccessChange, withAccessChange } from './access-change.js';
import { hashSecret, newSecret } from './secrets.js';
import type { AuthTables } from './tables.js';

type Db = Kysely<AuthTables>;

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export type ActiveSession = {
  idHash: string;
  personId: string;
  csrfToken: string;
  lastSeenAt: Instant;
  expiresAt: Instant;
};

/** Opens a session; returns the secret for the cookie (only its hash is stored). */
export async function openSession(
  db: Db,
  personId: string,
  policy: SessionPolicy,
  meta: { ip?: string; userAgent?: string; method: 'password' | 'oidc' },
): Promise<{ secret: string; csrfToken: string }> {
  const secret = newSecret();
  const csrfToken = newSecret();
  const now = nowInstant();
  await db
    .insertInto('auth_session')
    .values({
      id_hash: hashSecret(secret),
      person_id: personId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: addMinutes(now, policy.maxHours * 60),
      revoked_at: null,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      method: meta.method,
    })
    .execute();
  return { secret, csrfToken };
}

// Every request with a cookie runs this: compiled once (see preparedQuery).
const selectSession = preparedQuery((db: Db, idHash: string) =>
  db
    .selectFrom('auth_session')
    .select(['id_hash', 'person_id', 'csrf_token', 'last_seen_at', 'expires_at', 'revoked_at'])
    .where('id_hash', '=', idHash),
);

/** The session behind a cookie secret, if it is neither revoked nor past its idle or absolute expiry. */
export async function findActiveSession(
  db: Db,
  secret: string,
  policy: SessionPolicy,
  now: Instant = nowInstant(),
): Promise<ActiveSession | undefined> {
  const [row] = await selectSession(db, hashSecret(secret));
  if (!row || row.revoked_at || row.expires_at <= now) return undefined;
  if (addMinutes(row.last_seen_at, policy.idleMinutes) <= now) return undefined;
  return {
    idHash: row.id_hash,
    personId: row.person_id,
    csrfToken: row.csrf_token,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

// Writing last_seen_at on every request would turn each read into a write; a minute's
// precision is plenty for an idle timeout counted in hours.
const TOUCH_EVERY_MS = 60_000;

export async function touchSession(
  db: Db,
  session: ActiveSession,
  now: Instant = nowInstant(),
): Promise<void> {
  if (Date.parse(now) - Date.parse(session.lastSeenAt) < TOUCH_EVERY_MS) return;
  await db
    .updateTable('auth_session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', session.idHash)
    .execute();
  // The same object may be cached (session-cache.ts): the next request must not write again.
  session.lastSeenAt = now;
}

/** Logout: ends one session; the cache forgets it once committed (access-change.ts). */
export async function revokeSession(db: Kysely<any>, idHash: string): Promise<void> {
  await withAccessChange(db, (trx, change) => endSession(trx, change, idHash));
}

/** Ends one session inside an access change (a login that replaces the browser's previous session). */
export async function endSession(trx: Kysely<any>, change: AccessChange, idHash: string): Promise<void> {
  change.session(idHash);
  await (trx as Db)
    .updateTable('auth_session')
    .set({ revoked_at: nowInstant() })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** "Log out everywhere": revokes every open session of a person. */
export async function revokeAllSessions(db: Kysely<any>, personId: string): Promise<number> {
  return withAccessChange(db, (trx, change) => endAllSessions(trx, change, personId));
}

/** Ends every open session of a person inside an access change (deactivation, new password). */
export async function endAllSessions(
  trx: Kysely<any>,
  change: AccessChange,
  personId: string,
): Promise<number> {
  change.person(personId);
  const result = await (trx as Db)
    .updateTable('auth_session')
    .set({ revoked_at: nowInstant() })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
