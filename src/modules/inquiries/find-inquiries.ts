import { parseInquiryRef } from '../../shared/spoken-refs.js';
import { normalizeEnterpriseNumber, normalizeNiss } from '../directory/index.js';
import type { InquiryCaller } from './caller.js';
import type { InquiryListQuery, InquirySummaryView } from './contract.js';
import { loadViewContext, toSummary } from './inquiry-view.js';
import type { Db } from './repository/db.js';
import { findInquiryPage, type InquiryCriteria, inquiryBatches } from './repository/inquiries.js';
import { findTeamByCode } from './repository/teams.js';

/** The filters as the columns hold them: `q` read as what an agent would type. */
export async function criteriaOf(
  db: Db,
  caller: InquiryCaller,
  query: Omit<InquiryListQuery, 'channel' | 'origin'> &
    Partial<Pick<InquiryListQuery, 'channel' | 'origin'>> & { category?: string },
): Promise<InquiryCriteria> {
  const criteria: InquiryCriteria = {
    partnerId: caller.partnerId,
    kind: caller.kind,
    ...(caller.requesterId && { requesterPersonId: caller.requesterId }),
    ...(query.category && { category: query.category }),
    ...(query.channel && { channel: query.channel }),
    ...(query.status && { status: query.status }),
    ...(query.origin && { origin: query.origin }),
    ...(query.open && { isOpen: true }),
  };
  if (query.assignee === 'none') criteria.assigneeId = null;
  else if (query.assignee)
    criteria.assigneeId = query.assignee === 'me' ? (caller.actor.id ?? '-') : query.assignee;
  if (query.team) criteria.teamId = (await findTeamByCode(db, query.team))?.id ?? '-';
  const q = query.q?.trim();
  if (q) {
    const ref = parseInquiryRef(q);
    const niss = normalizeNiss(q);
    const enterprise = normalizeEnterpriseNumber(q);
    if (ref) criteria.ref = ref;
    else if (niss) criteria.niss = niss;
    else if (enterprise) criteria.enterpriseNumber = enterprise;
    else criteria.words = q.toLowerCase().split(/\s+/).slice(0, 8);
  }
  return criteria;
}

/**
 * Inquiries matching the filters, newest first. `q` is read as what an agent would type: a
 * reference (as people say it: `q 2026 2`), a NISS or an enterprise number (however written), or else words of the requester's
 * name or of the question. Lists always mask personal data: it is shown, and its reading audited,
 * when one inquiry is opened.
 */
export async function findInquiries(
  db: Db,
  caller: InquiryCaller,
  query: InquiryListQuery,
): Promise<{ items: InquirySummaryView[]; total: number }> {
  const { rows, total } = await findInquiryPage(db, await criteriaOf(db, caller, query), {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const context = await loadViewContext(db, rows);
  return { items: rows.map((row) => toSummary(row, context, false)), total };
}

const EXPORT_BATCH = 1000;

/** Every inquiry matching the filters, newest first, masked as in the list, a batch at a time. */
export async function* allMatchingInquiries(
  db: Db,
  caller: InquiryCaller,
  query: InquiryListQuery,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<InquirySummaryView> {
  const batches = inquiryBatches(db, await criteriaOf(db, caller, query), batchSize);
  for await (const rows of batches) {
    const context = await loadViewContext(db, rows);
    for (const row of rows) yield toSummary(row, context, false);
  }
}
