import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Dialect } from '../../src/platform/db/database.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the real, compiled `relais` command as a user would, with its own environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/relais.js'), ...args], {
      cwd: ROOT,
      // Only what the command needs: a developer's own DATABASE_URL must not leak into the tests.
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '');

/**
 * Where one dialect's CLI runs point: a fresh data directory, and on PostgreSQL a database of its
 * own (backup and restore work on a whole database, so a schema would not do).
 */
export type CliTarget = {
  dialect: Dialect;
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
};

export async function createCliTarget(dialect: Dialect): Promise<CliTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-cli-'));
  const common = { RELAIS_DATA_DIR: dataDir, RELAIS_LOG_LEVEL: 'silent', RELAIS_DEFAULT_LANGUAGE: 'en' };
  if (dialect === 'sqlite') {
    return {
      dialect,
      env: { ...common, DATABASE_URL: '' },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `relais_cli_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    env: { ...common, DATABASE_URL: url.toString() },
    dataDir,
    drop: async () => {
      await dropDatabase(adminUrl, name);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops the test database once its last connection has gone: a pool's `end()` resolves a moment
 * before the server sees the sockets close, and `with (force)` would kill them mid-goodbye.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const force = attempt > 50 ? ' with (force)' : '';
      await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name}${force}`));
      return;
    } catch (error) {
      // 55006: "database is being accessed by other users".
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withAdmin(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A CSV for `relais user import`; `bad` maps a 0-based row index to a broken field. */
export function peopleCsv(count: number, prefix: string, bad: Record<number, 'email' | 'role'> = {}): string {
  const rows = ['username,name,email,language,roles,org_unit,partner'];
  for (let i = 0; i < count; i++) {
    const username = `${prefix}${String(i).padStart(3, '0')}`;
    const email = bad[i] === 'email' ? 'not-an-address' : `${username}@example.org`;
    const isPartner = i % 10 === 0;
    // Roles are separated by spaces; every tenth person works for a fund (the partner column).
    const roles = bad[i] === 'role' ? 'agent wizard' : isPartner ? 'partner' : 'agent expert';
    const language = ['fr', 'nl', 'en'][i % 3];
    rows.push(
      [
        username,
        `Person ${i}`,
        email,
        language,
        roles,
        isPartner ? '' : 'call-center',
        isPartner ? 'acerta' : '',
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
