import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { formatNiss, maskNiss, partnerCodes } from '../directory/index.js';
import type { InquiryCaller } from './caller.js';
import type { PartnerRequestPage, PartnerRequestStatus, PartnerRequestView, Status } from './contract.js';
import { auditRefusedRead, changeVisibleInquiry } from './inquiry-access.js';
import { type Db, forOtherModules } from './repository/db.js';
import { getInquiryById } from './repository/inquiries.js';
import { insertInquiryNotice } from './repository/notices.js';
import {
  answerOpenPartnerRequest,
  findPartnerRequest,
  findPartnerRequestPage,
  hasOpenPartnerRequest,
  insertPartnerRequest,
} from './repository/partner-requests.js';
import { addMessage, moveInquiry } from './status-change.js';

/**
 * An expert asks a fund for information about the person's file. The inquiry waits on the fund
 * (its service-level clock pauses) until the fund answers.
 */
export async function askPartner(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { fund: string; question: string },
): Promise<string> {
  const fundId = (await partnerCodes(forOtherModules(db))).byCode.get(input.fund);
  if (!fundId)
    throw invalid([{ field: 'fund', code: 'inquiries.unknown_fund', params: { code: input.fund } }]);
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    const id = randomUUID();
    const waiting =
      row.status === 'waiting_partner'
        ? row
        : await moveInquiry(trx, caller.actor, row, 'waiting_partner', {}, 'inquiries.partner_asked');
    await insertPartnerRequest(trx, {
      id,
      inquiry_id: waiting.id,
      partner_id: fundId,
      question: input.question,
      status: 'open',
      asked_by: caller.actor.id,
      asked_at: nowInstant(),
      answer: null,
      answered_by: null,
      answered_at: null,
    });
    await addMessage(trx, caller.actor, waiting, { kind: 'outgoing', body: input.question, via: 'portal' });
    return id;
  });
}

/** The requests a fund sees (only its own), or every request for the institution's staff. */
export async function listPartnerRequests(
  db: Db,
  caller: InquiryCaller,
  filter: { status?: PartnerRequestStatus; limit: number; offset: number },
): Promise<PartnerRequestPage> {
  const { rows, total } = await findPartnerRequestPage(db, { partnerId: caller.partnerId, ...filter });
  const funds = (await partnerCodes(forOtherModules(db))).byId;
  const inFull = caller.partnerId !== null || caller.seesPersonalData;
  const items = rows.map(
    (row): PartnerRequestView => ({
      id: row.id,
      inquiry_ref: row.ref,
      fund: funds.get(row.partner_id) ?? '?',
      question: row.question,
      status: row.status as PartnerRequestStatus,
      asked_at: row.asked_at,
      answer: row.answer,
      answered_at: row.answered_at,
      person: {
        name: row.requester_name,
        niss: row.requester_niss && (inFull ? formatNiss(row.requester_niss) : maskNiss(row.requester_niss)),
        enterprise_number: row.requester_enterprise_number,
      },
    }),
  );
  if (inFull && items.some((item) => item.person.niss !== null)) {
    await writeAudit(db, caller.actor, {
      action: 'inquiries.personal_data_read',
      objectType: 'inquiry_partner_request',
      summary: { refs: items.filter((i) => i.person.niss !== null).map((i) => i.inquiry_ref) },
    });
  }
  return { items, total };
}

/**
 * The fund answers. The answer joins the inquiry's thread and the inquiry goes back to research
 * once no other request to a fund is still open. Another fund's request is a 404, audited.
 */
export async function answerPartnerRequest(
  db: Db,
  caller: InquiryCaller,
  requestId: string,
  answer: string,
): Promise<void> {
  const request = await findPartnerRequest(db, requestId);
  if (!request || (caller.partnerId && request.partner_id !== caller.partnerId)) {
    if (caller.partnerId)
      await auditRefusedRead(db, caller, { objectType: 'inquiry_partner_request', objectId: requestId });
    throw notFound('inquiries.partner_request_not_found', { id: requestId });
  }
  await withTransaction(db, async (trx) => {
    const isAnswered = await answerOpenPartnerRequest(trx, requestId, {
      answer,
      answeredBy: caller.actor.id,
      answeredAt: nowInstant(),
    });
    if (!isAnswered) throw conflict('inquiries.partner_request_answered');
    const inquiry = await getInquiryById(trx, request.inquiry_id);
    await addMessage(trx, caller.actor, inquiry, { kind: 'incoming', body: answer, via: 'portal' });
    const isStillWaiting = await hasOpenPartnerRequest(trx, inquiry.id);
    if (!isStillWaiting && (inquiry.status as Status) === 'waiting_partner') {
      const now = nowInstant();
      await moveInquiry(
        trx,
        caller.actor,
        inquiry,
        'in_research',
        { partner_answered_at: now },
        'inquiries.partner_answered',
      );
      // The expert's open screens learn it at once (live-notices.ts).
      await insertInquiryNotice(trx, {
        inquiry_id: inquiry.id,
        kind: 'partner_answered',
        assignee_id: inquiry.assignee_id,
        team_id: inquiry.team_id,
        at: now,
      });
    }
  });
}
