import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addMinutes, type Instant, nowInstant } from '../db/time.js';
import type { AuthTables } from './tables.js';

type Db = Kysely<AuthTables>;

/**
 * Failed logins allowed per window before the door closes, per counter; kept in the database so
 * all instances agree. No counter belongs to the account alone at a low limit: five guesses for a
 * guessable username would then lock its owner out from everywhere (issue 10, point 5).
 */
export const THROTTLE = {
  windowMinutes: 15,
  /** Guesses at one account from one address, by a browser the account does not know. */
  perAccountAndAddress: 5,
  /** Guesses at one account from all unknown browsers together: a slower many-address attack. */
  perAccountUntrusted: 100,
  /** Guesses from one address, at any account, by browsers that no account knows. */
  perAddress: 30,
  /** Guesses by one device cookie: a known browser counts only its own mistakes. */
  perDevice: 5,
};

export const accountAddressKey = (username: string, ip: string) =>
  `account-address:${username.toLowerCase()}|${ip}`;
export const untrustedAccountKey = (username: string) => `account:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;
export const deviceKey = (deviceHash: string) => `device:${deviceHash}`;

export type ThrottleCounter = { key: string; limit: number };

/**
 * Pure rule, after OWASP's device cookies: a browser holding a valid device cookie for the account
 * is judged by its own failures only, so guesses from elsewhere never shut its owner out; any
 * other browser is counted per account and address, per account, and per address.
 */
export function throttleCountersFor(attempt: {
  username: string;
  ip: string;
  deviceHash?: string | undefined;
}): ThrottleCounter[] {
  if (attempt.deviceHash) return [{ key: deviceKey(attempt.deviceHash), limit: THROTTLE.perDevice }];
  return [
    { key: accountAddressKey(attempt.username, attempt.ip), limit: THROTTLE.perAccountAndAddress },
    { key: untrustedAccountKey(attempt.username), limit: THROTTLE.perAccountUntrusted },
    { key: addressKey(attempt.ip), limit: THROTTLE.perAddress },
  ];
}

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

/** Minutes the caller must wait, the longest of its counters. */
async function waitMinutes(db: Db, counters: ThrottleCounter[], now: Instant, excluding: string[]) {
  const waits = await Promise.all(
    counters.map(async ({ key, limit }) =>
      minutesUntilAllowed(await recentFailures(db, key, now, excluding), limit, THROTTLE.windowMinutes, now),
    ),
  );
  return Math.max(0, ...waits);
}

/** The failure rows an attempt wrote in advance, one per counter. */
export type LoginAttempt = { rows: { id: string; key: string }[] };

/**
 * Opens a login attempt: it is written down as a failure before the password is checked, then
 * counted. Checking first and writing after would let twenty guesses sent at once all pass the
 * check before any is written; this way the k-th concurrent attempt sees the k-1 before it.
 * Returns the wait in minutes (its rows already removed) or the attempt to settle.
 */
export async function openLoginAttempt(
  db: Db,
  attempt: { username: string; ip: string; deviceHash?: string | undefined },
  now = nowInstant(),
): Promise<{ waitMinutes: number } | { waitMinutes: 0; attempt: LoginAttempt }> {
  const counters = throttleCountersFor(attempt);
  const rows = counters.map(({ key }) => ({ id: randomUUID(), key }));
  await db
    .insertInto('auth_login_failure')
    .values(rows.map((row) => ({ id: row.id, throttle_key: row.key, at: now })))
    .execute();
  const ownRows = rows.map((row) => row.id);
  const wait = await waitMinutes(db, counters, now, ownRows);
  if (wait > 0) {
    // A refused attempt is not a guess: it must not push the reopening further away.
    await db.deleteFrom('auth_login_failure').where('id', 'in', ownRows).execute();
    return { waitMinutes: wait };
  }
  // Old rows serve no rule; dropping them here keeps the table small without a separate job.
  await db
    .deleteFrom('auth_login_failure')
    .where('at', '<', addMinutes(now, -THROTTLE.windowMinutes * 4))
    .execute();
  return { waitMinutes: 0, attempt: { rows } };
}

/**
 * A successful login wipes what this browser had counted against itself (its account-and-address
 * or device failures) and its own rows (a success is no failure), so a person who mistyped a few
 * times starts afresh. Failures others made at the account stay: the owner's success must not
 * hand a many-address guesser a fresh budget.
 */
export async function settleSuccessfulLogin(db: Db, attempt: LoginAttempt): Promise<void> {
  const ownKeys = attempt.rows
    .map((row) => row.key)
    .filter((key) => key.startsWith('account-address:') || key.startsWith('device:'));
  if (ownKeys.length > 0)
    await db.deleteFrom('auth_login_failure').where('throttle_key', 'in', ownKeys).execute();
  await db
    .deleteFrom('auth_login_failure')
    .where(
      'id',
      'in',
      attempt.rows.map((row) => row.id),
    )
    .execute();
}
