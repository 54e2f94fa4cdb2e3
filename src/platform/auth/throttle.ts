import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addMinutes, type Instant, nowInstant } from '../db/time.js';
import type { AuthTables } from './tables.js';

type Db = Kysely<AuthTables>;

/** Failed logins allowed per window before the door closes; kept in the database so all instances agree. */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 30 };

export const accountKey = (username: string) => `account:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

/** Pure rule: minutes until a key may try again, 0 when it may try now. */
export function minutesUntilAllowed(
  failures: Instant[],
  limit: number,
  windowMinutes: number,
  now: Instant,
): number {
  const since = addMinutes(now, -windowMinutes);
  const recent = failures.filter((at) => at > since).sort();
  if (recent.length < limit) return 0;
  const oldestCounted = recent[recent.length - limit]!;
  const reopensAt = Date.parse(addMinutes(oldestCounted, windowMinutes));
  return Math.max(1, Math.ceil((reopensAt - Date.parse(now)) / 60_000));
}

async function recentFailures(db: Db, key: string, now: Instant, excluding: string[]): Promise<Instant[]> {
  let query = db
    .selectFrom('auth_login_failure')
    .select('at')
    .where('throttle_key', '=', key)
    .where('at', '>', addMinutes(now, -THROTTLE.windowMinutes));
  if (excluding.length > 0) query = query.where('id', 'not in', excluding);
  const rows = await query.execute();
  return rows.map((r) => r.at);
}

/** Minutes the caller must wait, looking at both the account and the address. */
export async function loginWaitMinutes(
  db: Db,
  username: string,
  ip: string,
  now = nowInstant(),
  excluding: string[] = [],
): Promise<number> {
  const [byAccount, byAddress] = await Promise.all([
    recentFailures(db, accountKey(username), now, excluding),
    recentFailures(db, addressKey(ip), now, excluding),
  ]);
  return Math.max(
    minutesUntilAllowed(byAccount, THROTTLE.perAccount, THROTTLE.windowMinutes, now),
    minutesUntilAllowed(byAddress, THROTTLE.perAddress, THROTTLE.windowMinutes, now),
  );
}

/** The failure rows an attempt wrote in advance, one per throttle key. */
export type LoginAttempt = { accountRowId: string; addressRowId: string };

/**
 * Opens a login attempt: it is written down as a failure before the password is checked, then
 * counted. Checking first and writing after would let twenty guesses sent at once all pass the
 * check before any is written; this way the k-th concurrent attempt sees the k-1 before it.
 * Returns the wait in minutes (its rows already removed) or the attempt to settle.
 */
export async function openLoginAttempt(
  db: Db,
  username: string,
  ip: string,
  now = nowInstant(),
): Promise<{ waitMinutes: number } | { waitMinutes: 0; attempt: LoginAttempt }> {
  const attempt = { accountRowId: randomUUID(), addressRowId: randomUUID() };
  await db
    .insertInto('auth_login_failure')
    .values([
      { id: attempt.accountRowId, throttle_key: accountKey(username), at: now },
      { id: attempt.addressRowId, throttle_key: addressKey(ip), at: now },
    ])
    .execute();
  const ownRows = [attempt.accountRowId, attempt.addressRowId];
  const waitMinutes = await loginWaitMinutes(db, username, ip, now, ownRows);
  if (waitMinutes > 0) {
    // A refused attempt is not a guess: it must not push the reopening further away.
    await db.deleteFrom('auth_login_failure').where('id', 'in', ownRows).execute();
    return { waitMinutes };
  }
  // Old rows serve no rule; dropping them here keeps the table small without a separate job.
  await db
    .deleteFrom('auth_login_failure')
    .where('at', '<', addMinutes(now, -THROTTLE.windowMinutes * 4))
    .execute();
  return { waitMinutes: 0, attempt };
}

/**
 * A successful login wipes the account's failures and its own row for the address (a success
 * is no failure), so a person who mistyped a few times starts afresh.
 */
export async function settleSuccessfulLogin(db: Db, username: string, attempt: LoginAttempt): Promise<void> {
  await db.deleteFrom('auth_login_failure').where('throttle_key', '=', accountKey(username)).execute();
  await db.deleteFrom('auth_login_failure').where('id', '=', attempt.addressRowId).execute();
}
