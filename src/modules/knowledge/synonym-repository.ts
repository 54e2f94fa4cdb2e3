import type { Db } from './repository.js';
import type { SynonymRow } from './tables.js';

export const listSynonymRows = (db: Db): Promise<SynonymRow[]> =>
  db.selectFrom('knowledge_synonym').selectAll().orderBy('terms_fr').execute();

export const hasSynonyms = async (db: Db): Promise<boolean> =>
  (await db.selectFrom('knowledge_synonym').select('id').limit(1).execute()).length > 0;

export async function insertSynonymRow(db: Db, row: SynonymRow): Promise<void> {
  await db.insertInto('knowledge_synonym').values(row).execute();
}

/** Whether the group existed (and now holds these terms). */
export async function updateSynonymTerms(
  db: Db,
  id: string,
  terms: Pick<SynonymRow, 'terms_fr' | 'terms_nl' | 'updated_at'>,
): Promise<boolean> {
  const result = await db.updateTable('knowledge_synonym').set(terms).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether the group existed. */
export async function deleteSynonymRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('knowledge_synonym').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Every group's terms in a stable order, with what tells that one changed (search index). */
export const listSynonymTermsInOrder = (db: Db) =>
  db
    .selectFrom('knowledge_synonym')
    .select(['id', 'terms_fr', 'terms_nl', 'updated_at'])
    .orderBy('id')
    .execute();
