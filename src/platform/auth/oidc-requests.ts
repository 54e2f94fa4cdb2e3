import type { Kysely } from 'kysely';
import { addMinutes, type Instant, nowInstant } from '../db/time.js';
import { isOidcRequestFresh, OIDC_REQUEST_TTL_MINUTES } from './oidc-rules.js';
import type { AuthTables } from './tables.js';

type Db = Kysely<AuthTables>;

/** What the callback needs to finish a login started here or on another instance. */
export type OidcRequest = { state: string; codeVerifier: string; nonce: string; returnTo: string };

export async function saveOidcRequest(db: Db, request: OidcRequest, now: Instant = nowInstant()) {
  await deleteExpiredOidcRequests(db, now);
  await db
    .insertInto('auth_oidc_request')
    .values({
      state: request.state,
      code_verifier: request.codeVerifier,
      nonce: request.nonce,
      return_to: request.returnTo,
      created_at: now,
    })
    .execute();
}

/**
 * Takes a started login out of the table: each state is usable once, even when two callbacks race
 * (only the one whose delete removed the row gets it). Undefined when unknown, used or expired.
 */
export async function takeOidcRequest(
  db: Db,
  state: string,
  now: Instant = nowInstant(),
): Promise<OidcRequest | undefined> {
  await deleteExpiredOidcRequests(db, now);
  const row = await db
    .selectFrom('auth_oidc_request')
    .selectAll()
    .where('state', '=', state)
    .executeTakeFirst();
  if (!row) return undefined;
  const deleted = await db.deleteFrom('auth_oidc_request').where('state', '=', state).executeTakeFirst();
  // Still checked: the row may have aged between the purge and the select.
  if (Number(deleted.numDeletedRows) !== 1 || !isOidcRequestFresh(row.created_at, now)) return undefined;
  return {
    state: row.state,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    returnTo: row.return_to,
  };
}

/** Abandoned logins (the user closed the provider's page) are dropped at the next start or callback. */
export async function deleteExpiredOidcRequests(db: Db, now: Instant = nowInstant()): Promise<void> {
  await db
    .deleteFrom('auth_oidc_request')
    .where('created_at', '<=', addMinutes(now, -OIDC_REQUEST_TTL_MINUTES))
    .execute();
}
