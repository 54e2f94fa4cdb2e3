import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { readWorkbook } from '../../src/test-support/xlsx.js';
import { type CliTarget, createCliTarget, ROOT, runCli } from './support.js';

beforeAll(() => ensureServerBuilt(), 180_000);

const folder = path.join(ROOT, 'demo/telework/spf-securite-sociale');
const employees = path.join(folder, 'employees.csv');
const agreements = path.join(folder, 'telework_agreements.csv');
const expected = JSON.parse(fs.readFileSync(path.join(folder, 'expected-report.json'), 'utf8'));
const ORG = 'SPF Sécurité sociale';

describe.each(DIALECTS)('%s: relais telework import and report', (dialect) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(dialect);
  });
  afterAll(() => target.drop());

  it('imports the shipped files with progress, then a second import changes nothing', async () => {
    const args = ['telework', 'import', '--org', ORG, '--employees', employees, '--agreements', agreements];
    const first = await runCli(args, target.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Employees: 1459 new, 0 changed, 0 unchanged, 0 removed');
    expect(first.stdout).toContain('Agreements: 803 new, 0 changed, 0 unchanged, 0 removed');
    expect(first.stderr).toContain('importing rows 2262/2262');
    const again = await runCli(args, target.env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Agreements: 0 new, 0 changed, 803 unchanged, 0 removed');
  });

  it('prints the JSON report equal to expected-report.json', async () => {
    const result = await runCli(
      ['telework', 'report', '--org', ORG, '--from', '2009', '--to', '2013', '--format', 'json'],
      target.env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ organisation: expected.organisation, rows: expected.rows });
  });

  it('writes the XLSX laid out like an answer to parliament, labels in the chosen language', async () => {
    const out = path.join(target.dataDir, 'report.xlsx');
    const result = await runCli(
      [
        'telework',
        'report',
        '--org',
        ORG,
        '--from',
        '2009',
        '--to',
        '2013',
        '--format',
        'xlsx',
        '--lang',
        'nl',
        '--out',
        out,
      ],
      target.env,
    );
    expect(result.code, result.stderr).toBe(0);
    const sheet = (await readWorkbook(fs.readFileSync(out))).worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Gegeven', '2009', '2010', '2011', '2012', '2013']);
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Telewerkers (% van het personeel)',
      30.71,
      45.02,
      46.48,
      47.93,
      49.92,
    ]);
  });

  it('imports nothing from a file with bad rows, and lists each with its file and line', async () => {
    const bad = path.join(os.tmpdir(), `bad-agreements-${process.pid}.csv`);
    const text = fs.readFileSync(agreements, 'utf8').trimEnd();
    const lineCount = text.split('\r\n').length;
    fs.writeFileSync(
      bad,
      `${text}\r\nSS99999,structural,1,2014-01-01,\r\nSS00002,structural,4,2014-01-01,\r\n`,
    );
    const result = await runCli(
      ['telework', 'import', '--org', 'Another', '--employees', employees, '--agreements', bad],
      target.env,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('2 lines are not valid');
    expect(result.stderr).toContain(
      `${path.basename(bad)}, line ${lineCount + 1}, employee_id: Unknown employee SS99999`,
    );
    expect(result.stderr).toContain(`${path.basename(bad)}, line ${lineCount + 2}, days_per_week`);
    const report = await runCli(
      ['telework', 'report', '--org', 'Another', '--from', '2009', '--to', '2010'],
      target.env,
    );
    expect(report.code).not.toBe(0);
    expect(report.stderr).toContain('No telework statistics for the organisation Another');
  });
});
