import { Command } from 'commander';
import { registerAssetCommands } from './commands/assets.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerCallCommands } from './commands/calls.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerDeskCommands } from './commands/desks.js';
import { ENVIRONMENT_HELP } from './commands/environment-help.js';
import { registerKnowledgeCommands } from './commands/kb.js';
import { registerTeleworkCommands } from './commands/telework.js';
import { registerTokenCommands } from './commands/token.js';
import { registerUserCommands } from './commands/user.js';

// Only commander and the command definitions load here: each action imports what it needs when it
// runs, so `relais --help` or a usage error answers at once instead of loading the whole server.
const program = new Command('relais')
  .description('Relais: crisis service platform. Configuration comes from environment variables.')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'relais: ')) })
  .addHelpText('after', ENVIRONMENT_HELP);

registerDatabaseCommands(program);
registerUserCommands(program);
registerTokenCommands(program);
registerBackupCommands(program);
registerKnowledgeCommands(program);
registerDeskCommands(program);
registerTeleworkCommands(program);
registerAssetCommands(program);
registerCallCommands(program);

program.parseAsync(process.argv).catch(async (error: unknown) => {
  const { failAndExit } = await import('./output.js');
  failAndExit(error);
});
