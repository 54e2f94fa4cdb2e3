import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { brusselsDay, nowInstant } from '../db/time.js';
import { invalid, notFound } from '../errors.js';
import { hashSecret, newSecret } from './secrets.js';
import type { AuthTables } from './tables.js';
import { checkTokenExpiry, isTokenLive } from './token-rules.js';

type Db = Kysely<AuthTables>;

export type TokenSummary = {
  id: string;
  personId: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresOn: string | null;
};

const TOKEN_PREFIX = 'relais_';

/**
 * Creates a bearer token for integrations; the secret is returned once and only its hash is kept.
 * `expiresOn` (a Brussels day after today) ends it that day; `expiryField` names the input in errors.
 */
export async function createToken(
  db: Db,
  input: {
    personId: string;
    name: string;
    createdBy: string | null;
    expiresOn?: string | null;
    expiryField?: string;
  },
): Promise<{ token: string; summary: TokenSummary }> {
  if (input.expiresOn) {
    const errors = checkTokenExpiry(input.expiresOn, brusselsDay(), input.expiryField);
    if (errors.length > 0) throw invalid(errors);
  }
  const token = TOKEN_PREFIX + newSecret();
  const row = {
    id: randomUUID(),
    person_id: input.personId,
    name: input.name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    created_at: nowInstant(),
    created_by: input.createdBy,
    last_used_at: null,
    revoked_at: null,
    expires_on: input.expiresOn ?? null,
  };
  await db.insertInto('auth_token').values(row).execute();
  return { token, summary: toSummary(row) };
}

/** The person behind a live token (neither revoked nor expired), or undefined. */
export async function findTokenOwner(
  db: Db,
  token: string,
): Promise<{ tokenId: string; personId: string } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('auth_token')
    .select(['id', 'person_id', 'last_used_at', 'revoked_at', 'expires_on'])
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  const now = nowInstant();
  if (!row || !isTokenLive({ revokedAt: row.revoked_at, expiresOn: row.expires_on }, brusselsDay(now)))
    return undefined;
  // Same reasoning as sessions: record use with a minute's precision, not a write per call.
  if (!row.last_used_at || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('auth_token').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, personId: row.person_id };
}

export async function listTokens(db: Db, filter: { personId?: string } = {}): Promise<TokenSummary[]> {
  let query = db.selectFrom('auth_token').selectAll().orderBy('created_at', 'desc');
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  return (await query.execute()).map(toSummary);
}

export async function revokeToken(db: Db, id: string): Promise<TokenSummary> {
  const row = await db.selectFrom('auth_token').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('auth.token_not_found');
  if (!row.revoked_at) {
    const revokedAt = nowInstant();
    await db.updateTable('auth_token').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    row.revoked_at = revokedAt;
  }
  return toSummary(row);
}

/**
 * Ends every live token of a person, for good: a deactivation or a new password must not leave a
 * key behind that a later reactivation would bring back to life.
 */
export async function endTokensOf(db: Kysely<any>, personId: string): Promise<number> {
  const result = await (db as Db)
    .updateTable('auth_token')
    .set({ revoked_at: nowInstant() })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toSummary(row: AuthTables['auth_token']): TokenSummary {
  return {
    id: row.id,
    personId: row.person_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresOn: row.expires_on,
  };
}
