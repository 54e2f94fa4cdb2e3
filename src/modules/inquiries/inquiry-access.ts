import { writeAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { canSeeInquiry, type InquiryCaller } from './caller.js';
import type { Db } from './repository/db.js';
import { findInquiryByRef, getInquiryById } from './repository/inquiries.js';
import type { InquiryRow } from './tables.js';

// Who may see and change an inquiry: the access policy every use case goes through, apart from how
// an inquiry is presented (inquiry-view.ts).

/**
 * An inquiry the caller may see, or a 404 that says nothing of whether it exists: a fund's user
 * asking for another fund's inquiry gets the same answer as for an unknown one, and the attempt is
 * audited.
 */
export async function getVisibleInquiry(db: Db, caller: InquiryCaller, ref: string): Promise<InquiryRow> {
  const row = await findInquiryByRef(db, ref);
  if (row && canSeeInquiry(caller, row)) return row;
  if (caller.partnerId) {
    await auditRefusedRead(db, caller, {
      objectType: 'inquiry',
      objectId: row?.id ?? null,
      summary: { ref, partnerId: caller.partnerId },
    });
  }
  throw notFound('inquiries.not_found', { ref });
}

/**
 * Audits a fund's refused read. Called whether the object exists or not, so both refusals write
 * and commit the same row: when only existing objects were audited, the commit made their 404
 * two to ten times slower than an unknown reference's (bench/inquiry-refusal-timing.ts), and a
 * fund could tell which of another fund's references exist by timing it.
 */
export const auditRefusedRead = (
  db: Db,
  caller: InquiryCaller,
  target: { objectType: string; objectId: string | null; summary?: Record<string, unknown> },
) => writeAudit(db, caller.actor, { action: 'inquiries.access_refused', ...target });

/**
 * Runs a change on an inquiry the caller may see, in one transaction, with the row as it is inside
 * that transaction. Visibility is checked first, outside it, so that a refusal's audit row is kept.
 */
export async function changeVisibleInquiry<T>(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  change: (trx: Db, row: InquiryRow) => Promise<T>,
): Promise<T> {
  const { id } = await getVisibleInquiry(db, caller, ref);
  return withTransaction(db, async (trx) => {
    return change(trx, await getInquiryById(trx, id));
  });
}
