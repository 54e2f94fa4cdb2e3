import type { Command } from 'commander';

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens for integrations (partner funds)');

  token
    .command('create')
    .description('create a bearer token; it is printed once on stdout, only its hash is kept')
    .requiredOption('--user <username>', 'the account the token acts as')
    .option('--name <label>', 'what the token is for', 'integration')
    .option(
      '--expires <YYYY-MM-DD>',
      'the day (Brussels) from which the token no longer answers; a day after today. Default: no end',
    )
    .action(async (options) => (await import('./token-actions.js')).createTokenCommand(options));

  token
    .command('list')
    .description(
      'list tokens, tab-separated: id, user, name, prefix, created, last used, expires, status (never the secret)',
    )
    .option('--user <username>', 'only the tokens of this account')
    .action(async (options) => (await import('./token-actions.js')).listTokensCommand(options));

  token
    .command('revoke')
    .description('revoke a token by its id: it stops working at once')
    .argument('<id>', 'token id (from token list)')
    .action(async (id: string) => (await import('./token-actions.js')).revokeTokenCommand(id));
}
