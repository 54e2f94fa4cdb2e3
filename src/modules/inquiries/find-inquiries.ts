import { newestFirstBatches, olderThan } from '../../platform/db/batches.js';
import { containsLowercase } from '../../platform/db/like.js';
import { normalizeEnterpriseNumber, normalizeNiss } from '../directory/index.js';
import type { InquiryCaller } from './caller.js';
import type { InquiryListQuery, InquirySummaryView } from './contract.js';
import { loadViewContext, toSummary } from './inquiry-view.js';
import { type Db, findTeamByCode } from './repository.js';

const REF = /^Q-\d{4}-\d{6}$/i;

/** The inquiries the caller may see that match the filters, as a query to page or count. */
async function matching(db: Db, caller: InquiryCaller, query: InquiryListQuery) {
  let filtered = db.selectFrom('inquiry');
  if (caller.partnerId) filtered = filtered.where('partner_id', '=', caller.partnerId);
  if (query.channel) filtered = filtered.where('channel', '=', query.channel);
  if (query.status) filtered = filtered.where('status', '=', query.status);
  if (query.origin) filtered = filtered.where('origin', '=', query.origin);
  if (query.open) filtered = filtered.where('status', '!=', 'closed');
  if (query.assignee === 'none') filtered = filtered.where('assignee_id', 'is', null);
  else if (query.assignee)
    filtered = filtered.where(
      'assignee_id',
      '=',
      query.assignee === 'me' ? (caller.actor.id ?? '-') : query.assignee,
    );
  if (query.team) {
    const team = await findTeamByCode(db, query.team);
    filtered = filtered.where('team_id', '=', team?.id ?? '-');
  }
  const q = query.q?.trim();
  if (q) {
    const niss = normalizeNiss(q);
    const enterprise = normalizeEnterpriseNumber(q);
    if (REF.test(q)) filtered = filtered.where('ref', '=', q.toUpperCase());
    else if (niss) filtered = filtered.where('requester_niss', '=', niss);
    else if (enterprise) filtered = filtered.where('requester_enterprise_number', '=', enterprise);
    else {
      for (const word of q.toLowerCase().split(/\s+/).slice(0, 8)) {
        filtered = filtered.where((eb) =>
          eb.or([containsLowercase('question', word), containsLowercase('requester_name', word)]),
        );
      }
    }
  }
  return filtered;
}

/**
 * Inquiries matching the filters, newest first. `q` is read as what an agent would type: a
 * reference, a NISS or an enterprise number (however written), or else words of the requester's
 * name or of the question. Lists always mask personal data: it is shown, and its reading audited,
 * when one inquiry is opened.
 */
export async function findInquiries(
  db: Db,
  caller: InquiryCaller,
  query: InquiryListQuery,
): Promise<{ items: InquirySummaryView[]; total: number }> {
  const filtered = await matching(db, caller, query);
  const [rows, count] = await Promise.all([
    filtered
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('ref', 'desc')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute(),
    filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const context = await loadViewContext(db, rows);
  return { items: rows.map((row) => toSummary(row, context, false)), total: Number(count.n) };
}

const EXPORT_BATCH = 1000;

/** Every inquiry matching the filters, newest first, masked as in the list, a batch at a time. */
export async function* allMatchingInquiries(
  db: Db,
  caller: InquiryCaller,
  query: InquiryListQuery,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<InquirySummaryView> {
  const filtered = await matching(db, caller, query);
  const batches = newestFirstBatches(
    (after, limit) =>
      filtered
        .selectAll()
        .$if(after !== undefined, (q) =>
          q.where((eb) => olderThan(eb, { at: 'created_at', id: 'ref' }, after!)),
        )
        .orderBy('created_at', 'desc')
        .orderBy('ref', 'desc')
        .limit(limit)
        .execute(),
    (row) => ({ at: row.created_at, id: row.ref }),
    batchSize,
  );
  for await (const rows of batches) {
    const context = await loadViewContext(db, rows);
    for (const row of rows) yield toSummary(row, context, false);
  }
}
