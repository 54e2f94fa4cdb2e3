import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../../platform/db/time.js';
import { createTestDatabase, DIALECTS } from '../../../test-support/databases.js';
import { importCorpus } from '../import-corpus.js';
import { withdrawEntry } from '../publishing.js';
import { loadFaqExport } from './source.js';

const corpus = JSON.parse(
  fs.readFileSync(new URL('../../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
) as any[];
const actor = { id: null, username: 'import' };
const AS_OF = '2020-04-15';
const validOn = (e: any, day: string) => e.valid_from <= day && (e.valid_to === null || day <= e.valid_to);

describe.each(DIALECTS)('%s: the FAQ read for an export', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await importCorpus(database.db, actor, corpus);
  });
  afterAll(() => database.close());

  it('holds the published entries valid on the day, for the readers asked, grouped by theme', async () => {
    const internal = await loadFaqExport(database.db, {
      asOf: AS_OF,
      languages: 'both',
      audience: 'internal',
    });
    const expected = corpus
      .filter((e) => validOn(e, AS_OF))
      .map((e) => e.id)
      .sort();
    expect(internal.themes.flatMap((t) => t.entries.map((e) => e.ref)).sort()).toEqual(expected);
    expect(internal.entryCount).toBe(expected.length);
    for (const theme of internal.themes)
      expect(theme.entries.every((e) => e.theme === theme.code)).toBe(true);

    const publicOnly = await loadFaqExport(database.db, { asOf: AS_OF, languages: 'fr', audience: 'public' });
    const publicRefs = publicOnly.themes.flatMap((t) => t.entries.map((e) => e.ref));
    expect(publicRefs.sort()).toEqual(
      corpus
        .filter((e) => validOn(e, AS_OF) && e.audience === 'public')
        .map((e) => e.id)
        .sort(),
    );
  });

  it('prints the version in force with its publication day, and leaves withdrawn entries out', async () => {
    const entry = corpus.find((e) => validOn(e, AS_OF))!;
    const changed = corpus.map((e) =>
      e.id === entry.id ? { ...e, fr: { ...e.fr, answer: `${e.fr.answer} Mise à jour.` } } : e,
    );
    await importCorpus(database.db, actor, changed);
    const faq = await loadFaqExport(database.db, { asOf: AS_OF, languages: 'fr', audience: 'internal' });
    const printed = faq.themes.flatMap((t) => t.entries).find((e) => e.ref === entry.id)!;
    expect(printed.version).toBe(2);
    expect(printed.versionDate).toBe(brusselsDay());
    expect(printed.fr.answer).toContain('Mise à jour.');

    await withdrawEntry(database.db, actor, entry.id, 'obsolète');
    const after = await loadFaqExport(database.db, { asOf: AS_OF, languages: 'fr', audience: 'internal' });
    expect(after.themes.flatMap((t) => t.entries.map((e) => e.ref))).not.toContain(entry.id);
    expect(after.entryCount).toBe(faq.entryCount - 1);
  });
});
