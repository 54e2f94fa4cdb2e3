import type { Command } from 'commander';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'consistent online backup, safe while Relais runs: SQLite backup API; pg_dump (custom format) on PostgreSQL',
    )
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => (await import('./backup-actions.js')).backupCommand(file));

  program
    .command('restore')
    .description('replace the whole database with a backup (stop Relais first); pg_restore on PostgreSQL')
    .argument('<file>', 'a file written by `relais backup`')
    .action(async (file: string) => (await import('./backup-actions.js')).restoreCommand(file));
}
