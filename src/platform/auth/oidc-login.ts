import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { withAccessChange } from './access-change.js';
import type { Identity, IdentitySource } from './identity.js';
import type { LoginResult } from './login.js';
import { identityHints } from './oidc-rules.js';
import { endSession, openSession, type SessionPolicy } from './sessions.js';
import type { AuthTables } from './tables.js';

/** A provider's account, for good: its issuer and the `sub` it gave the person. */
export type OidcAccount = { issuer: string; subject: string };

type Match =
  | { identity: Identity; isBound: boolean }
  /** The claims name a person already bound to another account of this provider. */
  | { claimedFrom: Identity }
  | undefined;

/**
 * The person a provider's account stands for: the one bound to its (issuer, sub) if any; else,
 * for a first login, the person its username names, then its verified e-mail, unless that person
 * is already bound to another account at this provider (a second account claiming the same
 * username or e-mail is not the same person).
 */
async function findPerson(
  db: Kysely<any>,
  identities: IdentitySource,
  account: OidcAccount,
  hints: { username?: string; email?: string },
): Promise<Match> {
  const bound = await identities.findBySsoSubject(db, account.issuer, account.subject);
  if (bound) return { identity: bound, isBound: true };
  const byUsername = hints.username ? await identities.findByUsername(db, hints.username) : undefined;
  const candidate = byUsername ?? (hints.email ? await identities.findByEmail(db, hints.email) : undefined);
  if (!candidate) return undefined;
  const boundSubject = await identities.ssoSubjectOf(db, candidate.id, account.issuer);
  return boundSubject === undefined ? { identity: candidate, isBound: false } : { claimedFrom: candidate };
}

/**
 * Opens a Relais session for a person the provider vouched for. Single sign-on never creates
 * accounts: the person must already exist in the directory and be active. Audited either way.
 */
export async function loginWithOidc(
  db: Kysely<any>,
  identities: IdentitySource,
  policy: SessionPolicy,
  input: {
    account: OidcAccount;
    claims: Record<string, unknown>;
    usernameClaim: string;
    ip: string;
    userAgent?: string;
    /** The session the browser already had, if any: replaced, not left open beside the new one. */
    previousSessionHash?: string;
  },
): Promise<LoginResult> {
  const hints = identityHints(input.claims, input.usernameClaim);
  const match = await findPerson(db, identities, input.account, hints);
  const identity = match && 'identity' in match ? match.identity : undefined;
  const actor: AuditActor = {
    id: identity?.id ?? null,
    username: (identity?.username ?? hints.username ?? hints.email ?? null)?.slice(0, 100) ?? null,
    ip: input.ip,
  };
  if (!identity?.isActive) {
    // A claim on a person bound elsewhere reads as unknown to the caller (it learns nothing about
    // that person); the audit row names the person it was aimed at.
    const code = identity ? 'auth.account_inactive' : 'auth.oidc_unknown_user';
    const claimed = match && 'claimedFrom' in match ? match.claimedFrom : undefined;
    await writeAudit(db, actor, {
      action: 'auth.login_failed',
      objectType: 'person',
      objectId: identity?.id ?? claimed?.id ?? null,
      summary: { method: 'oidc', reason: code, ...(claimed && { boundToAnotherAccount: true }) },
    });
    throw new AppError(code, 403);
  }
  const isBound = match && 'isBound' in match ? match.isBound : false;

  return withAccessChange(db, async (trx, change) => {
    if (!isBound) {
      await identities.bindSsoSubject(trx, identity.id, input.account.issuer, input.account.subject);
      await writeAudit(trx, actor, {
        action: 'auth.oidc_bound',
        objectType: 'person',
        objectId: identity.id,
        summary: { issuer: input.account.issuer, subject: input.account.subject },
      });
    }
    if (input.previousSessionHash) await endSession(trx, change, input.previousSessionHash);
    const opened = await openSession(trx as Kysely<AuthTables>, identity.id, policy, {
      ip: input.ip,
      method: 'oidc',
      ...(input.userAgent ? { userAgent: input.userAgent } : {}),
    });
    await writeAudit(trx, actor, {
      action: 'auth.login',
      objectType: 'person',
      objectId: identity.id,
      summary: { method: 'oidc' },
    });
    return { identity, ...opened };
  });
}
