import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../platform/errors.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { audiencesFor } from './content.js';
import { importCorpus } from './import-corpus.js';
import { entryHistory, readEntry } from './reading.js';

const corpus = JSON.parse(
  fs.readFileSync(new URL('../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
) as any[];
const actor = { id: null, username: 'import' };

describe.each(DIALECTS)('%s: reading entries as of a date', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const successor = corpus.find((e) => e.supersedes)!;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await importCorpus(database.db, actor, corpus);
  });
  afterAll(() => database.close());

  it('says whether the entry applies on the day asked, and shows what applied before and after', async () => {
    const view = await readEntry(database.db, successor.id, {
      asOf: successor.valid_from,
      audiences: audiencesFor('staff'),
    });
    expect(view.isValidOnDate).toBe(true);
    const refs = view.chain.map((c) => c.ref);
    expect(refs).toContain(successor.supersedes);
    expect(refs.indexOf(successor.supersedes)).toBeLessThan(refs.indexOf(successor.id));
    expect(view.chain.filter((c) => c.isValidOnDate).map((c) => c.ref)).toEqual([successor.id]);

    const before = await readEntry(database.db, successor.id, {
      asOf: '2019-01-01',
      audiences: audiencesFor('staff'),
    });
    expect(before.isValidOnDate).toBe(false);
  });

  it('renders the answer to safe HTML in both languages', async () => {
    const view = await readEntry(database.db, 'FAQ-0001', {
      asOf: '2020-04-01',
      audiences: audiencesFor('anonymous'),
    });
    expect(view.answerHtml.fr).toContain('<strong>1.291,69 €</strong>');
    expect(view.answerHtml.nl).toContain('<strong>');
  });

  it('hides internal entries from the public and partners, as if they did not exist', async () => {
    const internal = corpus.find((e) => e.audience === 'internal')!;
    for (const reader of ['anonymous', 'partner'] as const) {
      const error = (await readEntry(database.db, internal.id, {
        asOf: '2020-04-01',
        audiences: audiencesFor(reader),
      }).catch((e) => e)) as AppError;
      expect(error.status).toBe(404);
    }
    await expect(
      readEntry(database.db, internal.id, { asOf: '2020-04-01', audiences: audiencesFor('staff') }),
    ).resolves.toBeTruthy();
  });

  it('shows the history with a word diff per language', async () => {
    const changed = corpus.map((e) =>
      e.id === 'FAQ-0001' ? { ...e, nl: { ...e.nl, answer: `${e.nl.answer}\n\nBijgewerkt.` } } : e,
    );
    await importCorpus(database.db, actor, changed);
    const history = await entryHistory(database.db, 'FAQ-0001');
    expect(history.map((h) => h.version)).toEqual([2, 1]);
    expect(history[0]!.diff!.nl.answer.filter((p) => p.added).map((p) => p.value.trim())).toEqual([
      'Bijgewerkt.',
    ]);
    expect(history[0]!.diff!.fr.answer.every((p) => !p.added && !p.removed)).toBe(true);
    expect(history[1]!.diff).toBeNull();
  });
});
