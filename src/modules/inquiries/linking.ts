import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { conflict, invalid } from '../../platform/errors.js';
import type { InquiryCaller } from './caller.js';
import type { SimilarInquiry, Status } from './contract.js';
import { changeVisibleInquiry, getVisibleInquiry } from './inquiry-access.js';
import type { Db } from './repository/db.js';
import {
  getInquiryById,
  hasFollowers,
  listOpenInquiriesToCompare,
  updateInquiry,
} from './repository/inquiries.js';
import { meaningfulWords, SIMILAR_ENOUGH, similarity } from './similarity.js';

const CANDIDATES = 1000;

/**
 * Open inquiries that look like this question (same theme when one is given), best first: the
 * console offers to link them so that a team answers once. Only the most recent open inquiries are
 * compared, which is what a surge's duplicates are.
 */
export async function findSimilarInquiries(
  db: Db,
  caller: InquiryCaller,
  input: { question: string; theme?: string; exclude?: string; limit: number },
): Promise<SimilarInquiry[]> {
  const rows = await listOpenInquiriesToCompare(db, {
    kind: caller.kind,
    partnerId: caller.partnerId,
    ...(input.theme && { theme: input.theme }),
    ...(input.exclude && { excludeRef: input.exclude }),
    limit: CANDIDATES,
  });
  const words = meaningfulWords(input.question);
  return rows
    .map((row) => ({
      ...row,
      status: row.status as Status,
      score: Math.round(similarity(words, meaningfulWords(row.question)) * 100) / 100,
    }))
    .filter((row) => row.score >= SIMILAR_ENOUGH)
    .sort((a, b) => b.score - a.score)
    .slice(0, input.limit);
}

/**
 * Links an inquiry to the one a team is answering: when that one is answered, this one gets the
 * same answer. A link goes to the lead inquiry itself (never to a follower), and both are open.
 */
export async function linkInquiry(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  toRef: string,
): Promise<{ linked_to: string }> {
  if (ref === toRef) throw invalid([{ field: 'to', code: 'inquiries.link_to_itself' }]);
  const target = await getVisibleInquiry(db, caller, toRef);
  const lead = target.linked_to_id ? await getInquiryById(db, target.linked_to_id) : target;
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.status === 'closed' || lead.status === 'closed') throw conflict('inquiries.closed');
    if (await hasFollowers(trx, row.id)) throw conflict('inquiries.is_lead', { ref });
    if (lead.id === row.id) throw invalid([{ field: 'to', code: 'inquiries.link_to_itself' }]);
    await updateInquiry(trx, row.id, { linked_to_id: lead.id, updated_at: nowInstant() });
    await writeAudit(trx, caller.actor, {
      action: 'inquiries.linked',
      objectType: 'inquiry',
      objectId: row.id,
      summary: { ref, to: lead.ref },
    });
    return { linked_to: lead.ref };
  });
}
