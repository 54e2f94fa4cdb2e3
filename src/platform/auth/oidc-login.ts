import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { withAccessChange } from './access-change.js';
import type { Identity, IdentitySource } from './identity.js';
import type { LoginResult } from './login.js';
import { identityHints } from './oidc-rules.js';
import { endSession, openSession, type SessionPolicy } from './sessions.js';
import type { AuthTables } from './tables.js';

/** The person the provider's claims name: by username first, then by e-mail. */
async function findPerson(
  db: Kysely<any>,
  identities: IdentitySource,
  hints: { username?: string; email?: string },
): Promise<Identity | undefined> {
  const byUsername = hints.username ? await identities.findByUsername(db, hints.username) : undefined;
  if (byUsername) return byUsername;
  return hints.email ? identities.findByEmail(db, hints.email) : undefined;
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
    claims: Record<string, unknown>;
    usernameClaim: string;
    ip: string;
    userAgent?: string;
    /** The session the browser already had, if any: replaced, not left open beside the new one. */
    previousSessionHash?: string;
  },
): Promise<LoginResult> {
  const hints = identityHints(input.claims, input.usernameClaim);
  const identity = await findPerson(db, identities, hints);
  const actor: AuditActor = {
    id: identity?.id ?? null,
    username: (identity?.username ?? hints.username ?? hints.email ?? null)?.slice(0, 100) ?? null,
    ip: input.ip,
  };
  if (!identity?.isActive) {
    const code = identity ? 'auth.account_inactive' : 'auth.oidc_unknown_user';
    await writeAudit(db, actor, {
      action: 'auth.login_failed',
      objectType: 'person',
      objectId: identity?.id ?? null,
      summary: { method: 'oidc', reason: code },
    });
    throw new AppError(code, 403);
  }

  return withAccessChange(db, async (trx, change) => {
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
