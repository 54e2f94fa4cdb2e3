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

async function recentFailures(db: Db, key: string, now: Instant): Promise<Instant[]> {
  const rows = await db
    .selectFrom('auth_login_failure')
    .select('at')
    .where('throttle_key', '=', key)
    .where('at', '>', addMinutes(now, -THROTTLE.windowMinutes))
    .execute();
  return rows.map((r) => r.at);
}

/** Minutes the caller must wait, looking at both the account and the address. */
export async function loginWaitMinutes(
  db: Db,
  username: string,
  ip: string,
  now = nowInstant(),
): Promise<number> {
  const [byAccount, byAddress] = await Promise.all([
    recentFailures(db, accountKey(username), now),
    recentFailures(db, addressKey(ip), now),
  ]);
  return Math.max(
    minutesUntilAllowed(byAccount, THROTTLE.perAccount, THROTTLE.windowMinutes, now),
    minutesUntilAllowed(byAddress, THROTTLE.perAddress, THROTTLE.windowMinutes, now),
  );
}

export async function recordLoginFailure(
  db: Db,
  username: string,
  ip: string,
  now = nowInstant(),
): Promise<void> {
  await db
    .insertInto('auth_login_failure')
    .values([
      { id: randomUUID(), throttle_key: accountKey(username), at: now },
      { id: randomUUID(), throttle_key: addressKey(ip), at: now },
    ])
    .execute();
  // Old rows serve no rule; dropping them here keeps the table small without a separate job.
  await db
    .deleteFrom('auth_login_failure')
    .where('at', '<', addMinutes(now, -THROTTLE.windowMinutes * 4))
    .execute();
}

export async function clearAccountFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('auth_login_failure').where('throttle_key', '=', accountKey(username)).execute();
}
