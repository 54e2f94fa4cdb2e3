import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import {
  type Db,
  findEntryByRef,
  incrementEntryCounter,
  insertFeedback,
  listSearchMissCounts,
} from './repository.js';

export type UsageKind = 'opened' | 'used';

/**
 * Counts that an entry was opened, or used to answer someone. Other modules (inquiries) report a
 * use through this function; the counter is one atomic update, safe under concurrent calls.
 */
export async function recordUsage(db: Db, ref: string, kind: UsageKind): Promise<{ version: number }> {
  const entry = await findEntryByRef(db, ref);
  if (!entry || entry.published_version === null) throw notFound('knowledge.entry_not_found', { ref });
  const column = kind === 'opened' ? 'opened_count' : 'used_count';
  await incrementEntryCounter(db, entry.id, column);
  return { version: entry.published_version };
}

/** An agent says whether the entry helped; the counts show editors which answers fall short. */
export async function recordFeedback(
  db: Db,
  actor: AuditActor,
  ref: string,
  input: { isHelpful: boolean; comment?: string },
): Promise<void> {
  await withTransaction(db, async (trx) => {
    const entry = await findEntryByRef(trx, ref);
    if (!entry || entry.published_version === null) throw notFound('knowledge.entry_not_found', { ref });
    await insertFeedback(trx, {
      id: randomUUID(),
      entry_id: entry.id,
      version: entry.published_version,
      is_helpful: input.isHelpful ? 1 : 0,
      comment: input.comment ?? null,
      person_id: actor.id ?? 'unknown',
      at: nowInstant(),
    });
    const column = input.isHelpful ? 'helped_count' : 'not_helped_count';
    await incrementEntryCounter(trx, entry.id, column);
    await writeAudit(trx, actor, {
      action: 'knowledge.feedback_given',
      objectType: 'knowledge_entry',
      objectId: entry.id,
      summary: { ref, isHelpful: input.isHelpful },
    });
  });
}

/**
 * The unanswered searches, most frequent first, with when they were last asked and how many of
 * them came from the public site (no person: see PublicMissRecorder).
 */
export async function listSearchMisses(db: Db, options: { since: string; limit: number }) {
  const rows = await listSearchMissCounts(db, options);
  return rows.map((r) => ({
    query: r.query,
    lang: r.lang,
    count: Number(r.count),
    publicCount: Number(r.publicCount),
    lastAt: r.lastAt as string,
  }));
}
