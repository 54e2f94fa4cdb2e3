import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditActor } from '../../platform/audit/audit.js';
import type { AppError } from '../../platform/errors.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { importCorpus } from './import-corpus.js';
import { findEntryByRef, listLivePublished } from './repository.js';

const actor: AuditActor = { id: null, username: 'import' };
const corpus = JSON.parse(
  fs.readFileSync(new URL('../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
) as any[];

describe.each(DIALECTS)('%s: corpus import', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.close());

  it('loads the 150 demo entries with their references, periods and chains', async () => {
    const progress: number[] = [];
    const report = await importCorpus(database.db, actor, corpus, {
      onProgress: (done) => progress.push(done),
    });
    expect(report.created).toHaveLength(150);
    expect(report.themesCreated.sort()).toEqual([
      'cotisations',
      'cumul',
      'droit-passerelle',
      'famille-sante',
      'organisation',
      'procedure',
      'secteurs',
      'statut',
    ]);
    expect(progress.at(-1)).toBe(150);
    const live = await listLivePublished(database.db);
    expect(live).toHaveLength(150);
    const first = live.find((e) => e.ref === 'FAQ-0001')!;
    expect(first).toMatchObject({
      valid_from: '2020-03-01',
      valid_to: '2020-09-30',
      audience: 'public',
      theme_code: 'droit-passerelle',
    });
    expect(live.filter((e) => e.supersedes_ref !== null)).toHaveLength(48);
  });

  it('changes nothing when the same file is imported again', async () => {
    const report = await importCorpus(database.db, actor, corpus);
    expect(report).toMatchObject({ created: [], updated: [], unchanged: 150 });
  });

  it('turns a changed entry into a new version', async () => {
    const changed = corpus.map((e) => (e.id === 'FAQ-0001' ? { ...e, tags: [...e.tags, 'forfait'] } : e));
    const report = await importCorpus(database.db, actor, changed);
    expect(report.updated).toEqual(['FAQ-0001']);
    expect((await findEntryByRef(database.db, 'FAQ-0001'))?.published_version).toBe(2);
  });

  it('imports nothing when one record is bad, and names every bad record', async () => {
    const bad = [
      ...corpus.slice(0, 3),
      { ...corpus[3], id: 'FAQ-9001', valid_from: '2020-02-30' },
      { ...corpus[4], id: 'FAQ-9002', fr: { question: 'x' } },
      { ...corpus[5], id: 'FAQ-9003' },
    ];
    const error = (await importCorpus(database.db, actor, bad).catch((e) => e)) as AppError;
    expect(error.code).toBe('knowledge.import_failed');
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      'records.3(FAQ-9001).valid_from',
      'records.4(FAQ-9002).fr.answer',
    ]);
    expect(await findEntryByRef(database.db, 'FAQ-9003')).toBeUndefined();
  });
});
