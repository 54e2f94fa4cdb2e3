import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditActor } from '../../platform/audit/audit.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { createEntry, submitForReview } from './drafts.js';
import { publishDraft, withdrawEntry } from './publishing.js';
import { KnowledgeSearch, type PublishedChange } from './search-service.js';
import { insertTheme } from './themes.js';

const editor: AuditActor = { id: 'editor-1', username: 'editor' };
const reviewer: AuditActor = { id: 'reviewer-1', username: 'reviewer' };

describe.each(DIALECTS)('%s: search index kept in step across instances', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const instances: KnowledgeSearch[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await insertTheme(database.db, editor, { code: 'telework', nameFr: 'Télétravail', nameNl: 'Telewerk' });
  });
  afterAll(async () => {
    for (const instance of instances) instance.stop();
    await database.close();
  });

  const startInstance = async () => {
    const instance = new KnowledgeSearch(database.db);
    await instance.start(0);
    instances.push(instance);
    return instance;
  };
  const refsFor = (instance: KnowledgeSearch, q: string) =>
    instance.search({ q, lang: 'fr', asOf: 'any', limit: 5 }).results.map((r) => r.ref);

  it('finds on another instance what one published, and forgets what was withdrawn', async () => {
    const [first, second] = [await startInstance(), await startInstance()];
    const seen: PublishedChange[] = [];
    second.on('change', (change) => seen.push(change));

    const { ref } = await createEntry(database.db, editor, {
      theme: 'telework',
      audience: 'internal',
      validFrom: '2020-09-01',
      fr: { question: 'Combien de jours de télétravail par semaine ?', answer: 'Jusqu’à trois jours.' },
      nl: { question: 'Hoeveel dagen telewerk per week?', answer: 'Tot drie dagen.' },
    });
    await submitForReview(database.db, editor, ref);
    await publishDraft(database.db, reviewer, ref, null);
    expect(refsFor(second, 'télétravail')).toEqual([]);

    await Promise.all([first.sync(), second.sync()]);
    expect(refsFor(first, 'télétravail')).toEqual([ref]);
    expect(refsFor(second, 'telewerk')).toEqual([ref]);
    expect(seen).toMatchObject([{ ref, version: 1, kind: 'new' }]);

    await withdrawEntry(database.db, reviewer, ref, 'fin');
    await second.sync();
    expect(refsFor(second, 'télétravail')).toEqual([]);

    const late = await startInstance();
    expect(late.size).toBe(0);
  });
});
