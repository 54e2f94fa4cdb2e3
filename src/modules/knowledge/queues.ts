import { brusselsDay } from '../../platform/db/time.js';
import type { QueueItem, StaleItem } from './contract.js';
import {
  type Db,
  type DraftQueueRow,
  listDraftsAwaitingTranslation,
  listDraftsInReview,
  listEntriesDueBefore,
} from './repository.js';

const toItem = (row: DraftQueueRow): QueueItem => ({
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
  return (await listDraftsInReview(db)).map(toItem);
}

/** Drafts where one language waits for the other to be brought up to date. */
export async function translationQueue(db: Db): Promise<QueueItem[]> {
  return (await listDraftsAwaitingTranslation(db)).map(toItem);
}

/** Published entries past their review date: rules change, answers must be looked at again. */
export async function staleEntries(db: Db, today = brusselsDay()): Promise<StaleItem[]> {
  return listEntriesDueBefore(db, today);
}
