import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { pageText, readPdfText } from '../../src/test-support/pdf-text.js';
import { type CliTarget, createCliTarget, lines, runCli } from './support.js';

beforeAll(() => ensureServerBuilt(), 180_000);

describe.each(DIALECTS)('%s: relais kb export', (dialect) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(dialect);
    const seeded = await runCli(['seed', '--demo'], target.env);
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => target.drop());

  it('writes the bilingual PDF of the FAQ as of a day, showing its progress on stderr', async () => {
    const out = path.join(target.dataDir, 'faq.pdf');
    const result = await runCli(
      ['kb', 'export', '--as-of', '2020-04-15', '--lang', 'both', '--format', 'pdf', '--out', out],
      target.env,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('exporting the FAQ 50 % (layout)');
    expect(lines(result.stderr).at(-1)).toBe('exporting the FAQ 100 %');
    const pdf = readPdfText(fs.readFileSync(out));
    // 92 entries of the corpus valid that day, and the ICT helpdesk's 4 internal ones (since March 2020).
    expect(result.stdout).toBe(
      `Wrote ${out}: ${pdf.pageCount} pages, 96 entries, ${Math.round(fs.statSync(out).size / 1024)} KB (FAQ as of 2020-04-15, French and Dutch, internal).\n`,
    );
    expect(pageText(pdf, 1)).toContain('Situation au 15 avril 2020 / Stand van zaken op 15 april 2020');
    expect(pdf.destinations.size).toBeGreaterThan(92);
    expect(fs.readdirSync(target.dataDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('writes an HTML page when the file name says so, for the readers asked', async () => {
    const out = path.join(target.dataDir, 'faq-public.html');
    const result = await runCli(
      ['kb', 'export', '--as-of', '2020-04-15', '--lang', 'nl', '--audience', 'public', '--out', out],
      target.env,
    );
    expect(result.code, result.stderr).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl-BE">/);
    expect(html).not.toContain('Intern gebruik');
    expect(result.stdout).toMatch(/: 72 entries, \d+ KB \(FAQ as of 2020-04-15, nl, public\)\.\n$/);
  });

  it('refuses bad options in one line naming the option, and writes nothing', async () => {
    const out = path.join(target.dataDir, 'never.pdf');
    const cases: [string[], RegExp][] = [
      [
        ['--as-of', '2020-02-30'],
        /^relais: --as-of: Not a calendar day between 1900-01-01 and 2199-12-31 \(YYYY-MM-DD\)\.$/,
      ],
      [['--lang', 'de'], /^relais: --lang: Must be one of: fr, nl, both\.$/],
      [['--format', 'docx'], /^relais: --format: Must be one of: pdf, html\.$/],
      [['--audience', 'everyone'], /^relais: --audience: Must be one of: public, partners, internal\.$/],
    ];
    for (const [options, message] of cases) {
      const result = await runCli(['kb', 'export', ...options, '--out', out], target.env);
      expect(result.code, options.join(' ')).toBe(1);
      expect(lines(result.stderr)).toEqual([expect.stringMatching(message)]);
    }
    const nowhere = await runCli(
      ['kb', 'export', '--out', path.join(target.dataDir, 'no/such/dir/x.pdf')],
      target.env,
    );
    expect(nowhere.code).toBe(1);
    expect(lines(nowhere.stderr)).toEqual([
      expect.stringMatching(/^relais: --out: the folder .* does not exist$/),
    ]);
    const folder = await runCli(['kb', 'export', '--out', target.dataDir], target.env);
    expect(lines(folder.stderr)).toEqual([expect.stringMatching(/^relais: --out: .* is a folder/)]);
    expect(fs.existsSync(out)).toBe(false);
  });
});
