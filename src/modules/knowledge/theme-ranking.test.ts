import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditActor } from '../../platform/audit/audit.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { DEMO_CORPUS_FILE } from './demo-seed.js';
import { DEMO_THEMES } from './demo-themes.js';
import { importCorpus } from './import-corpus.js';
import { KnowledgeSearch } from './search-service.js';
import { seedDefaultSynonyms } from './synonyms.js';
import { insertTheme } from './themes.js';

const actor: AuditActor = { id: null, username: 'seed' };

// The index built from the database knows each entry's theme name (search/theme-coverage.ts): the
// demo's short general queries find the entries filed under the theme they name, not those of the
// themes that combine the bridging right with a pension, a parental leave or a second activity.
describe.each(DIALECTS)('%s: the search reads theme names from the database', (dialect) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let search: KnowledgeSearch;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    for (const theme of DEMO_THEMES) await insertTheme(database.db, actor, theme);
    await seedDefaultSynonyms(database.db, actor);
    await importCorpus(database.db, actor, JSON.parse(fs.readFileSync(DEMO_CORPUS_FILE, 'utf8')));
    search = new KnowledgeSearch(database.db);
    await search.start(0);
  });
  afterAll(async () => {
    search.stop();
    await database.close();
  });

  it.each([
    ['droit passerelle', 'fr'],
    ['overbruggingsrecht', 'nl'],
  ] as const)('ranks the theme "Droit passerelle" first for "%s" (%s)', async (q, lang) => {
    const refs = search.search({ q, lang, asOf: 'any', limit: 5 }).results.map((r) => r.ref);
    const themes = await database.db
      .selectFrom('knowledge_entry as e')
      .innerJoin('knowledge_version as v', (join) =>
        join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
      )
      .innerJoin('knowledge_theme as t', 't.id', 'v.theme_id')
      .select(['e.ref', 't.code'])
      .where('e.ref', 'in', refs)
      .execute();
    expect(refs).toHaveLength(5);
    expect(themes.map((row) => row.code)).toEqual(Array(5).fill('droit-passerelle'));
  });
});
