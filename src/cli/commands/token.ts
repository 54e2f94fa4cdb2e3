import type { Command } from 'commander';
import { directoryIdentities } from '../../modules/directory/index.js';
import { CLI_ACTOR, writeAudit } from '../../platform/audit/audit.js';
import { createToken, listTokens, revokeToken } from '../../platform/auth/tokens.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { withDatabase } from '../context.js';

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens for integrations (partner funds)');

  token
    .command('create')
    .description('create a bearer token; it is printed once, only its hash is kept')
    .requiredOption('--user <username>', 'the account the token acts as')
    .option('--name <label>', 'what the token is for', 'integration')
    .action(async (options) => {
      const created = await withDatabase(async ({ db }) => {
        const owner = await directoryIdentities.findByUsername(db, options.user);
        if (!owner)
          throw new AppError('directory.person_not_found', 404, {}, [
            { field: 'user', code: 'directory.person_not_found' },
          ]);
        return withTransaction(db, async (trx) => {
          const result = await createToken(trx, {
            personId: owner.id,
            name: String(options.name).slice(0, 100),
            createdBy: null,
          });
          await writeAudit(trx, CLI_ACTOR, {
            action: 'auth.token_created',
            objectType: 'token',
            objectId: result.summary.id,
            summary: { for: owner.username },
          });
          return result;
        });
      });
      console.error(
        `Token ${created.summary.id} for ${options.user}. Store it now: it will not be shown again.`,
      );
      console.log(created.token);
    });

  token
    .command('list')
    .description('list tokens (never their secret)')
    .option('--user <username>', 'only this account')
    .action(async (options) => {
      const rows = await withDatabase(async ({ db }) => {
        const owner = options.user ? await directoryIdentities.findByUsername(db, options.user) : undefined;
        if (options.user && !owner) throw new AppError('directory.person_not_found', 404);
        const tokens = await listTokens(db, owner ? { personId: owner.id } : {});
        return Promise.all(
          tokens.map(async (t) => ({
            ...t,
            user: (await directoryIdentities.findById(db, t.personId))?.username,
          })),
        );
      });
      for (const t of rows) {
        console.log(
          [
            t.id,
            t.user,
            t.name,
            `${t.prefix}…`,
            t.createdAt,
            t.lastUsedAt ?? '-',
            t.revokedAt ? 'revoked' : 'active',
          ].join('\t'),
        );
      }
    });

  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<id>', 'token id (from token list)')
    .action(async (id: string) => {
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
    });
}
