import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { type CliTarget, createCliTarget, ROOT, runCli } from './support.js';

beforeAll(() => ensureServerBuilt(), 180_000);

const CALLS_FILE = path.join(ROOT, 'demo/callcenter/calls-2020.csv');
const HEADER = 'call_id,line,caller_language,received_at,answered_at,ended_at,outcome';
const GOOD =
  'X-1,3,nl,2020-03-16T08:00:28+01:00,2020-03-16T08:14:45+01:00,2020-03-16T08:22:02+01:00,answered';

function csvFile(name: string, lines: string[]): string {
  const file = path.join(os.tmpdir(), `${name}-${process.pid}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The call records in the target's database, counted by the database itself. */
async function countCalls(target: CliTarget): Promise<number> {
  if (target.dialect === 'sqlite') {
    const db = new Database(path.join(target.dataDir, 'relais.sqlite'), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from inquiry_call_record').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as n from inquiry_call_record')).rows[0].n);
  } finally {
    await client.end();
  }
}

/**
 * Starts `relais calls import FILE` and kills it with SIGKILL as soon as its progress shows calls
 * written but not all of them: the process dies inside its transaction, as on a power cut.
 */
function importKilledHalfWay(
  file: string,
  env: Record<string, string>,
): Promise<{ signal: string | null; stdout: string; progress: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/relais.js'), 'calls', 'import', file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let progress = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      const text = String(chunk);
      const match = /importing calls (\d+)\/(\d+)/.exec(text);
      if (match && Number(match[1]) > 0 && Number(match[1]) < Number(match[2]) && !progress) {
        progress = match[0];
        child.kill('SIGKILL');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ signal, stdout, progress });
    });
  });
}

describe.each(DIALECTS)('%s: relais calls import', (dialect) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(dialect);
  });
  afterAll(() => target.drop());

  it('imports nothing from a file with a wrong column, a bad date or a call id twice, naming each line', async () => {
    const header = await runCli(
      ['calls', 'import', csvFile('calls-header', [HEADER.replace('outcome', 'result'), GOOD])],
      target.env,
    );
    expect(header.code).not.toBe(0);
    expect(header.stderr).toContain('line 1, result: Line 1 must be the header');
    expect(header.stderr).toContain('column 7 is “result”');

    const bad = await runCli(
      [
        'calls',
        'import',
        csvFile('calls-bad', [
          HEADER,
          GOOD,
          'X-2,1,fr,2020-03-32T08:00:31+01:00,,2020-03-16T08:03:52+01:00,abandoned',
          GOOD.replace('X-1', 'X-3').replace(',nl,', ',xx,'),
          GOOD,
        ]),
      ],
      target.env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The call file was not imported: 3 lines are not valid.');
    expect(bad.stderr).toContain('line 3, received_at: “2020-03-32T08:00:31+01:00” is not a date and time');
    expect(bad.stderr).toContain('line 4, caller_language: Must be one of');
    expect(bad.stderr).toContain('line 5, call_id: The call X-1 is already on line 2.');
    expect(await countCalls(target)).toBe(0);
  });

  it('killed half way, stores nothing; run again, stores the 43,385 calls once; a third run adds none', async () => {
    const killed = await importKilledHalfWay(CALLS_FILE, target.env);
    expect(killed.progress, 'the import showed progress before it was killed').not.toBe('');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).not.toContain('Imported');
    expect(await countCalls(target)).toBe(0);

    const again = await runCli(['calls', 'import', CALLS_FILE], target.env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('importing calls 43385/43385');
    expect(again.stdout).toContain('43385 calls read, 43385 new, 0 already known.');
    expect(await countCalls(target)).toBe(43_385);

    const third = await runCli(['calls', 'import', CALLS_FILE], target.env);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('43385 calls read, 0 new, 43385 already known.');
    expect(await countCalls(target)).toBe(43_385);
  }, 120_000);
});
