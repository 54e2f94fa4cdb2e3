import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { addMinutes, nowInstant } from '../db/time.js';
import { hashSecret, newSecret } from './secrets.js';
import type { AuthTables } from './tables.js';

type Db = Kysely<AuthTables>;

/**
 * The device cookie of OWASP's "Slow Down Online Guessing Attacks with Device Cookies": given to a
 * browser after a successful password login, bound to that username, it lets its owner past the
 * lockout that guesses from other browsers cause.
 */
export const DEVICE_COOKIE = 'relais_device';
/** Sent to the login route only: it has no business on any other request. */
export const DEVICE_COOKIE_PATH = '/api/v1/auth';
export const DEVICE_MAX_DAYS = 180;

export function deviceCookieOptions(config: Pick<Config, 'isHttps'>) {
  return {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.isHttps,
    maxAge: DEVICE_MAX_DAYS * 24 * 3600,
  };
}

/**
 * The stored hash of a device cookie that this username was given, still within its lifetime;
 * undefined for a missing, forged, expired one or one given for another account.
 */
export async function findTrustedDevice(
  db: Db,
  secret: string | undefined,
  username: string,
  now = nowInstant(),
): Promise<string | undefined> {
  if (!secret || secret.length > 100) return undefined;
  const idHash = hashSecret(secret);
  const row = await db
    .selectFrom('auth_login_device')
    .select('id_hash')
    .where('id_hash', '=', idHash)
    .where('username', '=', username.toLowerCase())
    .where('created_at', '>', addMinutes(now, -DEVICE_MAX_DAYS * 24 * 60))
    .executeTakeFirst();
  return row?.id_hash;
}

/**
 * Gives the browser a fresh device cookie for the username after a successful login (the one it
 * came with, if any, is spent: a stolen copy stops working at the owner's next login).
 */
export async function issueDevice(
  db: Db,
  username: string,
  previousHash: string | undefined,
  now = nowInstant(),
): Promise<string> {
  if (previousHash) await db.deleteFrom('auth_login_device').where('id_hash', '=', previousHash).execute();
  const secret = newSecret();
  await db
    .insertInto('auth_login_device')
    .values({ id_hash: hashSecret(secret), username: username.toLowerCase(), created_at: now })
    .execute();
  // Expired cookies serve no rule; dropping them here needs no separate job.
  await db
    .deleteFrom('auth_login_device')
    .where('created_at', '<', addMinutes(now, -DEVICE_MAX_DAYS * 24 * 60))
    .execute();
  return secret;
}
