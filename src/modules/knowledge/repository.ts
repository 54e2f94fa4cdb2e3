import type { Insertable, Kysely } from 'kysely';
import type { DraftRow, EntryRow, KnowledgeTables, ThemeRow, VersionRow } from './tables.js';

export type Db = Kysely<KnowledgeTables>;

export const findEntryByRef = (db: Db, ref: string): Promise<EntryRow | undefined> =>
  db.selectFrom('knowledge_entry').selectAll().where('ref', '=', ref).executeTakeFirst();

export const findDraft = (db: Db, entryId: string): Promise<DraftRow | undefined> =>
  db.selectFrom('knowledge_draft').selectAll().where('entry_id', '=', entryId).executeTakeFirst();

export const findVersion = (db: Db, entryId: string, version: number): Promise<VersionRow | undefined> =>
  db
    .selectFrom('knowledge_version')
    .selectAll()
    .where('entry_id', '=', entryId)
    .where('version', '=', version)
    .executeTakeFirst();

export const listVersions = (db: Db, entryId: string): Promise<VersionRow[]> =>
  db
    .selectFrom('knowledge_version')
    .selectAll()
    .where('entry_id', '=', entryId)
    .orderBy('version', 'desc')
    .execute();

export async function nextEntryNumber(db: Db): Promise<number> {
  const row = await db
    .selectFrom('knowledge_entry')
    .select((eb) => eb.fn.max('number').as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export const listThemes = (db: Db): Promise<ThemeRow[]> =>
  db.selectFrom('knowledge_theme').selectAll().orderBy('code').execute();
export const findThemeByCode = (db: Db, code: string): Promise<ThemeRow | undefined> =>
  db.selectFrom('knowledge_theme').selectAll().where('code', '=', code).executeTakeFirst();
export const findThemeById = (db: Db, id: string): Promise<ThemeRow | undefined> =>
  db.selectFrom('knowledge_theme').selectAll().where('id', '=', id).executeTakeFirst();

/** The published version of every live (not withdrawn) entry, or of those `refs`: what the search index holds. */
export function listLivePublished(db: Db, refs?: string[]) {
  let query = db
    .selectFrom('knowledge_entry as e')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .innerJoin('knowledge_theme as t', 't.id', 'v.theme_id')
    .selectAll('v')
    .select(['e.ref', 'e.review_due_on', 't.code as theme_code'])
    .where('e.withdrawn_at', 'is', null);
  if (refs) query = query.where('e.ref', 'in', refs.length > 0 ? refs : ['']);
  return query.orderBy('e.number').execute();
}

/** The published versions of the entries that name `ref` as superseded, or that `ref` supersedes. */
export function listChainNeighbours(db: Db, refs: string[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('knowledge_entry as e')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .select(['e.ref', 'v.valid_from', 'v.valid_to', 'v.supersedes_ref'])
    .where('e.withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('e.ref', 'in', refs), eb('v.supersedes_ref', 'in', refs)]))
    .execute();
}

export async function insertChange(
  db: Db,
  change: Insertable<KnowledgeTables['knowledge_change']>,
): Promise<void> {
  await db.insertInto('knowledge_change').values(change).execute();
}
