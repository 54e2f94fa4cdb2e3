import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { type CliTarget, createCliTarget, runCli } from './support.js';

beforeAll(() => ensureServerBuilt(), 180_000);

const HEADER = 'asset_tag,type,model,serial,status,site';

function csvFile(name: string, lines: string[]): string {
  const file = path.join(os.tmpdir(), `${name}-${process.pid}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe.each(DIALECTS)('%s: relais assets import', (dialect) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(dialect);
  });
  afterAll(() => target.drop());

  it('registers the units of a file with progress; the same file again is refused line by line', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `CLI-${i + 1},screen,P2419H,SN-CLI-${i + 1},,BOT`);
    const file = csvFile('assets-ok', [HEADER, ...rows]);
    const first = await runCli(['assets', 'import', file], target.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('1200 assets registered');
    expect(first.stderr).toContain('importing assets 1200/1200');
    const again = await runCli(['assets', 'import', file], target.env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('line 2, asset_tag: The tag CLI-1 is already registered.');
  });

  it('imports nothing from a file with bad rows, and lists each with its line number and column', async () => {
    const file = csvFile('assets-bad', [
      HEADER,
      'CLI-B1,laptop,Latitude 5410,SN-B1,,BOT',
      'CLI-B2,toaster,Latitude 5410,SN-B2,,BOT',
      'CLI-B3,laptop,,SN-B3,lost,BOT',
    ]);
    const result = await runCli(['assets', 'import', file], target.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('The file was not imported: 2 rows are not valid.');
    expect(result.stderr).toContain('line 3, type: Must be one of');
    expect(result.stderr).toContain('line 4, model: This field is required.');
    expect(result.stderr).toContain('line 4, status: Must be one of');
    const missing = csvFile('assets-header', [
      'asset_tag,type,model,serial,site',
      'CLI-H1,laptop,X,SN-H1,BOT',
    ]);
    const header = await runCli(['assets', 'import', missing], target.env);
    expect(header.code).not.toBe(0);
    expect(header.stderr).toContain('Missing column: status');
  });
});
