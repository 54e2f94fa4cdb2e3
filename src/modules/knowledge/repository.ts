import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DraftRow, EntryRow, KnowledgeTables, ThemeRow, VersionRow } from './tables.js';

export type Db = Kysely<KnowledgeTables>;
type EntryTable = KnowledgeTables['knowledge_entry'];
type DraftTable = KnowledgeTables['knowledge_draft'];

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
    .select([
      'e.ref',
      'e.review_due_on',
      't.code as theme_code',
      't.name_fr as theme_name_fr',
      't.name_nl as theme_name_nl',
    ])
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

/**
 * The supersedes link and period of every live published entry (of these audiences only, when
 * given): the chains of periods an entry belongs to are walked from them.
 */
export function listLiveChainLinks(db: Db, audiences?: readonly string[]) {
  let query = db
    .selectFrom('knowledge_entry as e')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .select(['e.ref', 'v.supersedes_ref', 'v.valid_from', 'v.valid_to'])
    .where('e.withdrawn_at', 'is', null);
  if (audiences) query = query.where('v.audience', 'in', [...audiences]);
  return query.execute();
}

/** Drafts with their entry's reference and theme code: the editors' queues. */
function selectDraftQueue(db: Db) {
  return db
    .selectFrom('knowledge_draft as d')
    .innerJoin('knowledge_entry as e', 'e.id', 'd.entry_id')
    .innerJoin('knowledge_theme as t', 't.id', 'd.theme_id')
    .select([
      'e.ref',
      'd.question_fr',
      'd.question_nl',
      't.code',
      'd.state',
      'd.fr_needs_update',
      'd.nl_needs_update',
      'd.updated_at',
      'd.submitted_at',
      'd.base_version',
    ]);
}
export type DraftQueueRow = Awaited<ReturnType<ReturnType<typeof selectDraftQueue>['execute']>>[number];

/** Oldest submission first. */
export const listDraftsInReview = (db: Db): Promise<DraftQueueRow[]> =>
  selectDraftQueue(db).where('d.state', '=', 'in_review').orderBy('d.submitted_at').execute();

/** Drafts with a language flagged for update, the longest waiting first. */
export const listDraftsAwaitingTranslation = (db: Db): Promise<DraftQueueRow[]> =>
  selectDraftQueue(db)
    .where((eb) => eb.or([eb('d.fr_needs_update', '=', 1), eb('d.nl_needs_update', '=', 1)]))
    .orderBy('d.updated_at')
    .execute();

/** Live published entries whose review day is before `today`, the most overdue first. */
export const listEntriesDueBefore = (db: Db, today: string) =>
  db
    .selectFrom('knowledge_entry as e')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .select([
      'e.ref',
      'v.question_fr as questionFr',
      'v.question_nl as questionNl',
      'e.review_due_on as reviewDueOn',
    ])
    .where('e.withdrawn_at', 'is', null)
    .where('e.review_due_on', '<', today)
    .orderBy('e.review_due_on')
    // The filter above leaves only entries with a review day.
    .$narrowType<{ reviewDueOn: string }>()
    .execute();

type EntryCounter = 'opened_count' | 'used_count' | 'helped_count' | 'not_helped_count';

/** One atomic update, safe under concurrent calls. */
export async function incrementEntryCounter(db: Db, entryId: string, column: EntryCounter): Promise<void> {
  await db
    .updateTable('knowledge_entry')
    .set({ [column]: sql`${sql.ref(column)} + 1` })
    .where('id', '=', entryId)
    .execute();
}

export async function insertFeedback(
  db: Db,
  feedback: Insertable<KnowledgeTables['knowledge_feedback']>,
): Promise<void> {
  await db.insertInto('knowledge_feedback').values(feedback).execute();
}

/** Searches that found nothing since `since`, grouped by query and language, the most frequent first. */
export const listSearchMissCounts = (db: Db, options: { since: string; limit: number }) =>
  db
    .selectFrom('knowledge_search_miss')
    .select([
      'query',
      'lang',
      (eb) => eb.fn.countAll<number>().as('count'),
      (eb) => eb.fn.count<number>(eb.case().when('person_id', 'is', null).then(1).end()).as('publicCount'),
      (eb) => eb.fn.max('at').as('lastAt'),
    ])
    .where('at', '>=', options.since)
    .groupBy(['query', 'lang'])
    .orderBy('count', 'desc')
    .orderBy('lastAt', 'desc')
    .limit(options.limit)
    .execute();

export async function insertEntry(db: Db, row: EntryRow): Promise<void> {
  await db.insertInto('knowledge_entry').values(row).execute();
}

export async function updateEntry(db: Db, entryId: string, changes: Updateable<EntryTable>): Promise<void> {
  await db.updateTable('knowledge_entry').set(changes).where('id', '=', entryId).execute();
}

export async function insertVersion(db: Db, row: VersionRow): Promise<void> {
  await db.insertInto('knowledge_version').values(row).execute();
}

export async function insertDraft(db: Db, row: DraftRow): Promise<void> {
  await db.insertInto('knowledge_draft').values(row).execute();
}

/** An entry has at most one draft: it is found, changed and deleted by its entry. */
export async function updateDraftOf(db: Db, entryId: string, changes: Updateable<DraftTable>): Promise<void> {
  await db.updateTable('knowledge_draft').set(changes).where('entry_id', '=', entryId).execute();
}

export async function deleteDraftOf(db: Db, entryId: string): Promise<void> {
  await db.deleteFrom('knowledge_draft').where('entry_id', '=', entryId).execute();
}

export async function insertThemeRow(db: Db, row: ThemeRow): Promise<void> {
  await db.insertInto('knowledge_theme').values(row).execute();
}

/**
 * The published versions of live entries of these audiences whose period covers `asOf`, with their
 * theme's code, in reference order from after `afterNumber`: a page of what an export prints.
 */
export function listEntriesValidOn(
  db: Db,
  options: { asOf: string; audiences: readonly string[]; afterNumber: number; limit: number },
) {
  return db
    .selectFrom('knowledge_entry as e')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .innerJoin('knowledge_theme as t', 't.id', 'v.theme_id')
    .select([
      'e.ref',
      'e.number',
      't.code as theme_code',
      'v.audience',
      'v.valid_from',
      'v.valid_to',
      'v.version',
      'v.published_at',
      'v.supersedes_ref',
      'v.legal_basis_fr',
      'v.legal_basis_nl',
      'v.sources_fr',
      'v.sources_nl',
      'v.question_fr',
      'v.answer_fr',
      'v.question_nl',
      'v.answer_nl',
    ])
    .where('e.withdrawn_at', 'is', null)
    .where('e.number', '>', options.afterNumber)
    .where('v.audience', 'in', [...options.audiences])
    .where('v.valid_from', '<=', options.asOf)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', options.asOf)]))
    .orderBy('e.number')
    .limit(options.limit)
    .execute();
}

/** Both questions, period and theme of every live published entry of these audiences, in reference order. */
export const listLiveQuestions = (db: Db, audiences: readonly string[]) =>
  db
    .selectFrom('knowledge_entry as e')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .innerJoin('knowledge_theme as t', 't.id', 'v.theme_id')
    .select([
      'e.ref',
      'v.question_fr',
      'v.question_nl',
      'v.valid_from',
      'v.valid_to',
      't.code',
      't.name_fr',
      't.name_nl',
    ])
    .where('e.withdrawn_at', 'is', null)
    .where('v.audience', 'in', [...audiences])
    .orderBy('e.number')
    .execute();

export async function insertSearchMisses(
  db: Db,
  rows: Insertable<KnowledgeTables['knowledge_search_miss']>[],
): Promise<void> {
  await db.insertInto('knowledge_search_miss').values(rows).execute();
}
