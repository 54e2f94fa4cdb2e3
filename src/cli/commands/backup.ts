import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.js';
import { openSqlite } from '../../platform/db/database.js';
import { progressPrinter } from '../output.js';

function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): void {
  const result = spawnSync(tool, args, { stdio: 'inherit' });
  if (result.error) {
    throw new Error(
      `${tool} is not installed. On PostgreSQL, back up with: pg_dump --format=custom --file=FILE "$DATABASE_URL"; restore with: pg_restore --clean --if-exists --dbname="$DATABASE_URL" FILE`,
    );
  }
  if (result.status !== 0) throw new Error(`${tool} failed with exit code ${result.status}`);
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('consistent online backup: SQLite backup API while Relais runs; pg_dump on PostgreSQL')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.DATABASE_URL) {
        runPgTool('pg_dump', ['--format=custom', `--file=${file}`, config.DATABASE_URL]);
      } else {
        if (!config.sqliteFile || !fs.existsSync(config.sqliteFile))
          throw new Error(`No database at ${config.sqliteFile}`);
        const { sqlite, close } = openSqlite(config.sqliteFile);
        const progress = progressPrinter('backing up pages');
        await sqlite!.backup(file, {
          progress: ({ totalPages, remainingPages }) => {
            progress(totalPages - remainingPages, totalPages);
            return 256;
          },
        });
        await close();
      }
      console.error(`Backup written to ${file}`);
    });

  program
    .command('restore')
    .description('replace the database with a backup (stop Relais first); pg_restore on PostgreSQL')
    .argument('<file>', 'a file written by `relais backup`')
    .action(async (file: string) => {
      const config = loadConfig();
      if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
      if (config.DATABASE_URL) {
        runPgTool('pg_restore', ['--clean', '--if-exists', `--dbname=${config.DATABASE_URL}`, file]);
      } else {
        const source = new SQLite(file, { readonly: true, fileMustExist: true });
        try {
          const check = source.pragma('integrity_check', { simple: true });
          const hasSchema = source
            .prepare("select 1 from sqlite_master where name = 'platform_migration'")
            .get();
          if (check !== 'ok' || !hasSchema)
            throw new Error(`${file} is not a Relais backup (integrity: ${String(check)})`);
          await source.backup(config.sqliteFile!);
        } finally {
          source.close();
        }
      }
      console.error(`Restored from ${file}`);
    });
}
