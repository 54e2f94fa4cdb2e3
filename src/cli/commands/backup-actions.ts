import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../platform/config.js';
import { openSqlite } from '../../platform/db/database.js';
import { CliError, progressPrinter } from '../output.js';

function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): void {
  const result = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) {
    throw new CliError(
      `${tool} is not installed (Debian: apt-get install postgresql-client). By hand: pg_dump --format=custom --file=FILE "$DATABASE_URL"; pg_restore --clean --if-exists --dbname="$DATABASE_URL" FILE`,
    );
  }
  if (result.status !== 0) throw new CliError(`${tool} failed with exit code ${result.status}`);
}

export async function backupCommand(file: string): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    runPgTool('pg_dump', ['--format=custom', `--file=${file}`, config.DATABASE_URL]);
  } else {
    const sqliteFile = config.sqliteFile!;
    if (!fs.existsSync(sqliteFile)) throw new CliError(`No database at ${sqliteFile}`);
    // The backup API copies a consistent snapshot page by page while the server keeps writing.
    const { sqlite, close } = openSqlite(sqliteFile);
    const progress = progressPrinter('backing up pages');
    try {
      const { totalPages } = await sqlite!.backup(file, {
        progress: ({ totalPages, remainingPages }) => {
          progress(totalPages - remainingPages, totalPages);
          return 256;
        },
      });
      progress(totalPages, totalPages);
    } finally {
      await close();
    }
  }
  console.error(`Backup written to ${file}`);
}

export async function restoreCommand(file: string): Promise<void> {
  const config = loadConfig();
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No such file: ${file}`);
  if (config.DATABASE_URL) {
    runPgTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--dbname=${config.DATABASE_URL}`,
      file,
    ]);
  } else {
    await restoreSqlite(file, config.sqliteFile!);
  }
  console.error(`Restored from ${file}`);
}

async function restoreSqlite(file: string, sqliteFile: string): Promise<void> {
  const source = openBackup(file);
  try {
    fs.mkdirSync(path.dirname(sqliteFile), { recursive: true });
    // Through SQLite, not a file copy: the live file's WAL is taken into account and overwritten.
    await source.backup(sqliteFile);
  } finally {
    source.close();
  }
}

/** Opens a backup read-only after checking it is an intact Relais database. */
function openBackup(file: string): SQLite.Database {
  const notABackup = (reason: string) => new CliError(`${file} is not a Relais backup (${reason})`);
  let source: SQLite.Database;
  try {
    source = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw notABackup((error as Error).message);
  }
  try {
    const check = source.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw notABackup(`integrity check: ${String(check)}`);
    const hasSchema = source.prepare("select 1 from sqlite_master where name = 'platform_migration'").get();
    if (!hasSchema) throw notABackup('it has no Relais tables');
    return source;
  } catch (error) {
    source.close();
    throw error instanceof CliError ? error : notABackup((error as Error).message);
  }
}
