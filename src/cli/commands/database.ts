import type { Command } from 'commander';
import { ENVIRONMENT_HELP } from './environment-help.js';

/** serve, migrate, seed: the commands that run Relais and prepare its database. */
export function registerDatabaseCommands(program: Command): void {
  program
    .command('serve')
    .description('migrate, seed the demo on a first start with an empty SQLite database, and serve')
    .addHelpText('after', ENVIRONMENT_HELP)
    .action(async () => (await import('./database-actions.js')).serveCommand());

  program
    .command('migrate')
    .description('apply pending database migrations (safe to run again: only pending ones run)')
    .action(async () => (await import('./database-actions.js')).migrateCommand());

  program
    .command('seed')
    .description('load demo data into an empty database (does nothing when it already has people)')
    .requiredOption('--demo', 'the demo institution: people, funds, units; each module adds its own')
    .action(async () => (await import('./database-actions.js')).seedCommand());
}
