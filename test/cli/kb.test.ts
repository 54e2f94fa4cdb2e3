import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { type CliTarget, createCliTarget, lines, ROOT, runCli } from './support.js';

beforeAll(() => ensureServerBuilt(), 180_000);

const corpusFile = path.join(ROOT, 'demo/faq/faq-corpus.json');

describe.each(DIALECTS)('%s: relais kb', (dialect) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(dialect);
  });
  afterAll(() => target.drop());

  it('imports the corpus with progress, then a second time changes nothing', async () => {
    const first = await runCli(['kb', 'import', corpusFile], target.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('150 new');
    expect(first.stderr).toContain('importing entries 150/150');
    const again = await runCli(['kb', 'import', corpusFile], target.env);
    expect(again.stdout).toContain('0 new, 0 changed (new versions), 150 unchanged');
  });

  it('imports nothing from a file with a bad record and names it', async () => {
    const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as any[];
    const file = path.join(os.tmpdir(), `bad-corpus-${process.pid}.json`);
    fs.writeFileSync(file, JSON.stringify([{ ...corpus[0], id: 'FAQ-0999', valid_to: 'soon' }]));
    const result = await runCli(['kb', 'import', file], target.env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('FAQ-0999');
    expect(result.stderr).toContain('valid_to');
  });

  it('prints one JSON line of top-10 references per batch query, over all periods without as_of', async () => {
    const file = path.join(os.tmpdir(), `batch-${process.pid}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify([
        { q: 'droit passerelle montant', lang: 'fr' },
        { q: 'overbruggingsrecht bedrag', lang: 'nl', as_of: '2020-04-15' },
      ]),
    );
    const result = await runCli(['kb', 'search', '--batch', file], target.env);
    expect(result.code, result.stderr).toBe(0);
    const answers = lines(result.stdout).map((line) => JSON.parse(line));
    expect(answers.map((a) => a.q)).toEqual(['droit passerelle montant', 'overbruggingsrecht bedrag']);
    for (const answer of answers) {
      expect(answer.results.length).toBeGreaterThan(0);
      expect(answer.results.length).toBeLessThanOrEqual(10);
      for (const ref of answer.results) expect(ref).toMatch(/^FAQ-\d{4}$/);
    }
  });

  it('refuses a date that does not exist, naming the option', async () => {
    const result = await runCli(['kb', 'search', 'cotisations', '--as-of', '2020-02-30'], target.env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/as-?of/i);
  });
});
