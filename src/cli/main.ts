import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { DEMO_LOGINS, seedDemo } from '../server/demo-seed.js';
import { serve } from '../server/serve.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerTokenCommands } from './commands/token.js';
import { registerUserCommands } from './commands/user.js';
import { withDatabase } from './context.js';
import { failAndExit } from './output.js';

const program = new Command('relais')
  .description(
    'Relais: crisis service platform. Configuration comes from environment variables (see README).',
  )
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'relais: ')) });

program
  .command('serve')
  .description('migrate, seed the demo on a first start with an empty SQLite database, and serve')
  .action(async () => {
    await serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const { applied } = await withDatabase(async ({ db }) => migrateToLatest(db));
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  });

program
  .command('seed')
  .description('load demo data into an empty database')
  .requiredOption('--demo', 'the demo institution (people, funds; modules add theirs)')
  .action(async () => {
    const report = await withDatabase(({ db }) => seedDemo(db));
    if (!report.seeded) {
      console.log('The database already has people: nothing seeded.');
      return;
    }
    console.log(
      `Seeded ${report.people} people. Demo logins (password "${report.password}"): ${DEMO_LOGINS.join(', ')}`,
    );
  });

registerUserCommands(program);
registerTokenCommands(program);
registerBackupCommands(program);

program.parseAsync(process.argv).catch(failAndExit);
