import { brusselsDay } from '../../platform/db/time.js';
import type { QueueItem, StaleItem } from './contract.js';
import type { Db } from './repository.js';

function draftQueue(db: Db) {
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

const toItem = (row: Awaited<ReturnType<ReturnType<typeof draftQueue>['execute']>>[number]): QueueItem => ({
  ref: row.ref,
  questionFr: row.question_fr,
  questionNl: row.question_nl,
  theme: row.code,
  state: row.state,
  frNeedsUpdate: row.fr_needs_update === 1,
  nlNeedsUpdate: row.nl_needs_update === 1,
  updatedAt: row.updated_at,
  submittedAt: row.submitted_at,
  isNew: row.base_version === null,
});

/** Drafts waiting for a reviewer, oldest submission first. */
export async function reviewQueue(db: Db): Promise<QueueItem[]> {
  return (await draftQueue(db).where('d.state', '=', 'in_review').orderBy('d.submitted_at').execute()).map(
    toItem,
  );
}

/** Drafts where one language waits for the other to be brought up to date. */
export async function translationQueue(db: Db): Promise<QueueItem[]> {
  const rows = await draftQueue(db)
    .where((eb) => eb.or([eb('d.fr_needs_update', '=', 1), eb('d.nl_needs_update', '=', 1)]))
    .orderBy('d.updated_at')
    .execute();
  return rows.map(toItem);
}

/** Published entries past their review date: rules change, answers must be looked at again. */
export async function staleEntries(db: Db, today = brusselsDay()): Promise<StaleItem[]> {
  return (
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
      .execute()
  );
}
