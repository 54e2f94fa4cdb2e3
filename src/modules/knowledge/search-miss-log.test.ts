import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { SearchMissLog } from './search-miss-log.js';

describe.each(DIALECTS)('%s: the log of searches that found nothing', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(() => database.close());

  const stored = async () =>
    (await database.db.selectFrom('knowledge_search_miss').select('query').orderBy('query').execute()).map(
      (row: { query: string }) => row.query,
    );
  const miss = (query: string) => ({ query, lang: 'fr', asOf: '2020-03-18', personId: null });

  it('writes nothing while the agent waits, then every miss a moment later, in one go', async () => {
    const warnings: unknown[] = [];
    const log = new SearchMissLog(database.db, { warn: (object) => warnings.push(object) }, 50);
    log.add(miss(' Solarium '));
    log.add(miss('trampoline'));
    expect(await stored()).toEqual([]);
    await expect.poll(stored, { timeout: 2_000 }).toEqual(['solarium', 'trampoline']);

    log.add(miss('friterie'));
    await log.flush();
    expect(await stored()).toEqual(['friterie', 'solarium', 'trampoline']);
    expect(warnings).toEqual([]);
  });

  it('loses a batch it cannot write with a warning, never an error in a request', async () => {
    const warnings: unknown[] = [];
    const log = new SearchMissLog(database.db, { warn: (object) => warnings.push(object) });
    log.add({ ...miss('x'), lang: null as unknown as string });
    await expect(log.flush()).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
