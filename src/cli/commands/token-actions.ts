import { directoryIdentities } from '../../modules/directory/index.js';
import { CLI_ACTOR, writeAudit } from '../../platform/audit/audit.js';
import { isTokenLive } from '../../platform/auth/token-rules.js';
import { createToken, listTokens, revokeToken } from '../../platform/auth/tokens.js';
import type { AnyDb } from '../../platform/db/database.js';
import { brusselsDay } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { withDatabase } from '../context.js';

async function getOwner(db: AnyDb, username: string) {
  const owner = await directoryIdentities.findByUsername(db, username);
  if (!owner)
    throw new AppError('directory.person_not_found', 404, {}, [
      { field: 'user', code: 'directory.person_not_found' },
    ]);
  return owner;
}

export async function createTokenCommand(options: {
  user: string;
  name: string;
  expires?: string;
}): Promise<void> {
  const created = await withDatabase(async ({ db }) => {
    const owner = await getOwner(db, options.user);
    return withTransaction(db, async (trx) => {
      const result = await createToken(trx, {
        personId: owner.id,
        name: options.name.slice(0, 100),
        createdBy: null,
        expiresOn: options.expires ?? null,
        expiryField: 'expires',
      });
      await writeAudit(trx, CLI_ACTOR, {
        action: 'auth.token_created',
        objectType: 'token',
        objectId: result.summary.id,
        summary: { for: owner.username, name: result.summary.name, expiresOn: result.summary.expiresOn },
      });
      return result;
    });
  });
  // The secret alone on stdout (`TOKEN=$(relais token create …)`); the rest is for the person.
  const until = created.summary.expiresOn ? `, until ${created.summary.expiresOn} (Brussels)` : '';
  console.error(
    `Token ${created.summary.id} for ${options.user}${until}. Store it now: it will not be shown again.`,
  );
  console.log(created.token);
}

export async function listTokensCommand(options: { user?: string }): Promise<void> {
  const rows = await withDatabase(async ({ db }) => {
    const owner = options.user ? await getOwner(db, options.user) : undefined;
    const tokens = await listTokens(db, owner ? { personId: owner.id } : {});
    const usernames = new Map<string, string>();
    for (const t of tokens) {
      if (!usernames.has(t.personId))
        usernames.set(t.personId, (await directoryIdentities.findById(db, t.personId))?.username ?? '?');
    }
    return tokens.map((t) => ({ ...t, user: usernames.get(t.personId) }));
  });
  console.log(['id', 'user', 'name', 'prefix', 'created', 'last_used', 'expires', 'status'].join('\t'));
  for (const t of rows) {
    console.log(
      [
        t.id,
        t.user,
        t.name,
        `${t.prefix}…`,
        t.createdAt,
        t.lastUsedAt ?? '-',
        t.expiresOn ?? '-',
        t.revokedAt ? 'revoked' : isTokenLive(t, brusselsDay()) ? 'active' : 'expired',
      ].join('\t'),
    );
  }
  if (rows.length === 0) console.error('No tokens.');
}

export async function revokeTokenCommand(id: string): Promise<void> {
  await withDatabase(({ db }) =>
    withTransaction(db, async (trx) => {
      await revokeToken(trx, id);
      await writeAudit(trx, CLI_ACTOR, {
        action: 'auth.token_revoked',
        objectType: 'token',
        objectId: id,
      });
    }),
  );
  console.log(`Revoked ${id}`);
}
