import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../audit/audit.js';
import { nowInstant } from '../db/time.js';
import { withTransaction } from '../db/transaction.js';
import { AppError, invalid } from '../errors.js';
import type { Identity, IdentitySource } from './identity.js';
import { findTrustedDevice, issueDevice } from './login-devices.js';
import { checkNewPassword } from './password-rules.js';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from './passwords.js';
import { openSession, type SessionPolicy } from './sessions.js';
import type { AuthTables } from './tables.js';
import { openLoginAttempt, settleSuccessfulLogin } from './throttle.js';

type Db = Kysely<AuthTables>;

export type LoginResult = { identity: Identity; secret: string; csrfToken: string };

/**
 * Password login: throttled per account and address, per address, or per device cookie (see
 * throttle.ts), same answer for an unknown user and a wrong password, audited either way. A
 * success hands the browser a new device cookie for the account.
 */
export async function loginWithPassword(
  db: Kysely<any>,
  identities: IdentitySource,
  policy: SessionPolicy,
  input: { username: string; password: string; ip: string; userAgent?: string; deviceSecret?: string },
): Promise<LoginResult & { deviceSecret: string }> {
  const deviceHash = await findTrustedDevice(db as Db, input.deviceSecret, input.username);
  // Counted as a failure from here on, until the password proves right.
  const opened = await openLoginAttempt(db as Db, { username: input.username, ip: input.ip, deviceHash });
  if (!('attempt' in opened)) {
    const { waitMinutes } = opened;
    throw new AppError('auth.throttled', 429, { minutes: waitMinutes, retryAfter: waitMinutes * 60 });
  }

  const identity = await identities.findByUsername(db, input.username);
  const credential = identity
    ? await (db as Db)
        .selectFrom('auth_credential')
        .select('password_hash')
        .where('person_id', '=', identity.id)
        .executeTakeFirst()
    : undefined;
  const isValid = await verifyPassword(
    input.password,
    credential?.password_hash ?? (await DUMMY_HASH_PROMISE),
  );
  const actor: AuditActor = {
    id: identity?.id ?? null,
    username: input.username.slice(0, 100),
    ip: input.ip,
  };

  if (!identity || !credential || !isValid) {
    await writeAudit(db, actor, {
      action: 'auth.login_failed',
      objectType: 'person',
      objectId: identity?.id ?? null,
      summary: { method: 'password', reason: 'auth.invalid_credentials' },
    });
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (!identity.isActive) {
    // Told apart only after the right password: a guesser learns nothing about the account.
    await writeAudit(db, actor, {
      action: 'auth.login_failed',
      objectType: 'person',
      objectId: identity.id,
      summary: { method: 'password', reason: 'auth.account_inactive' },
    });
    throw new AppError('auth.account_inactive', 403);
  }

  return withTransaction(db, async (trx) => {
    await settleSuccessfulLogin(trx as Db, opened.attempt);
    const deviceSecret = await issueDevice(trx as Db, input.username, deviceHash);
    const session = await openSession(trx as Kysely<any>, identity.id, policy, {
      ip: input.ip,
      method: 'password',
      ...(input.userAgent ? { userAgent: input.userAgent } : {}),
    });
    await writeAudit(trx, actor, {
      action: 'auth.login',
      objectType: 'person',
      objectId: identity.id,
      summary: { method: 'password' },
    });
    return { identity, ...session, deviceSecret };
  });
}

/** Sets (or replaces) a person's password; refuses one too short or too common, whoever asks. */
export async function setPassword(db: Kysely<any>, personId: string, password: string): Promise<void> {
  const errors = checkNewPassword(password);
  if (errors.length > 0) throw invalid(errors);
  await setPasswordHash(db, personId, await hashPassword(password));
}

/** Stores an already computed hash (the demo seed hashes its one password once, not 100 times). */
export async function setPasswordHash(
  db: Kysely<any>,
  personId: string,
  passwordHash: string,
): Promise<void> {
  const now = nowInstant();
  await (db as Db)
    .insertInto('auth_credential')
    .values({ person_id: personId, password_hash: passwordHash, updated_at: now })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ password_hash: passwordHash, updated_at: now }))
    .execute();
}
