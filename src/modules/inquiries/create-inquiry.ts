import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { withGroupCommit } from '../../platform/db/group-commit.js';
import { brusselsDay, nowInstant } from '../../platform/db/time.js';
import { AppError, invalid } from '../../platform/errors.js';
import { normalizeEnterpriseNumber, normalizeNiss, partnerCodes } from '../directory/index.js';
import { getThemeForField } from '../knowledge/index.js';
import { canSeeInquiry, type InquiryCaller } from './caller.js';
import { linkLoggedInquiry } from './calls/auto-link.js';
import type { Channel, NewInquiry, Origin } from './contract.js';
import { auditRefusedRead } from './inquiry-access.js';
import { nextInquiryRef, numbersLast, provisionalRef } from './refs.js';
import { type Db, forOtherModules } from './repository/db.js';
import { addInquiryRow, findInquiryByIdempotencyKey } from './repository/inquiries.js';
import { numberInquiry } from './repository/ref-counter.js';
import { addStatusChange } from './repository/status-history.js';
import { requestDigest } from './request-digest.js';
import { socialColumns } from './social.js';
import type { InquiryRow } from './tables.js';

export type Created = { row: InquiryRow; isReplay: boolean };

/** The origin an inquiry gets when the caller does not say: a fund's own channel speaks for the fund. */
const defaultOrigin = (channel: Channel): Origin => (channel === 'partner' ? 'fund' : 'self_employed');

/** An idempotency key, bound to the request that used it by the digest of its body. */
export type Idempotency = { key: string; digest: string };

/**
 * Logs a new inquiry. A fund's user always creates one of channel `partner` for its own fund. With
 * an idempotency key, the same caller sending the same request with the same key again (a double
 * click, a retried request) gets the inquiry the first request created, not a second one; any other
 * request with that key is refused (`inquiries.idempotency_key_reused`).
 */
export async function createInquiry(
  db: Db,
  caller: InquiryCaller,
  input: NewInquiry,
  idempotencyKey: string | null,
): Promise<Created> {
  const createdBy = caller.actor.id;
  const idempotency = idempotencyKey ? { key: idempotencyKey, digest: requestDigest(input) } : null;
  try {
    // Calls logged at the same moment share a commit (see withGroupCommit): on SQLite each commit
    // waits for the disk, and fifty agents logging at once would otherwise wait for fifty.
    const row = await withGroupCommit(db, (trx) => insertInquiry(trx, caller, input, idempotency));
    return { row, isReplay: false };
  } catch (error) {
    // The key was used before (a retry, a double click, or a request at the same moment): the
    // unique key refused this one, or its input no longer passes. Looked up only now, so that a
    // new key, the usual case, costs no read; if the lookup fails too, the first error is reported.
    const earlier =
      createdBy && idempotency
        ? await findInquiryByIdempotencyKey(db, createdBy, idempotency.key).catch(() => undefined)
        : undefined;
    if (!earlier || !idempotency) throw error;
    return { row: await checkReplay(db, caller, earlier, idempotency), isReplay: true };
  }
}

/**
 * The inquiry a key created, handed back only to the same request from a caller who may still read
 * it: a fund's user moved to another fund replaying an old key is refused, audited, as a read of
 * the old fund's inquiry would be. Keys stored without a digest (before it was kept) prove nothing.
 */
async function checkReplay(
  db: Db,
  caller: InquiryCaller,
  earlier: InquiryRow,
  idempotency: Idempotency,
): Promise<InquiryRow> {
  if (!canSeeInquiry(caller, earlier)) {
    await auditRefusedRead(db, caller, {
      objectType: 'inquiry',
      objectId: earlier.id,
      summary: { ref: earlier.ref, partnerId: caller.partnerId, idempotencyKey: idempotency.key },
    });
    throw new AppError('inquiries.idempotency_key_reused', 422);
  }
  if (earlier.idempotency_digest !== idempotency.digest)
    throw new AppError('inquiries.idempotency_key_reused', 422);
  return earlier;
}

/** What makes an inquiry a helpdesk ticket: who on the staff asked, about what, and which asset. */
export type TicketFields = { requesterPersonId: string; category: string; assetTag: string | null };

/**
 * Inserts a new inquiry in the caller's transaction (the API's create, the mailbox's intake, and
 * with `ticket` a helpdesk ticket).
 */
export async function insertInquiry(
  trx: Db,
  caller: InquiryCaller,
  input: NewInquiry,
  idempotency: Idempotency | null,
  ticket: TicketFields | null = null,
): Promise<InquiryRow> {
  const channel = caller.partnerId ? 'partner' : input.channel;
  const requester = input.requester ?? {};
  const social = socialColumns(channel, input.social);
  const line = phoneLine(channel, input.line);
  const fundId = await resolveFund(trx, caller, requester.fund, channel);
  if (input.theme) await getThemeForField(forOtherModules(trx), input.theme);
  const now = nowInstant();
  const id = randomUUID();
  const year = Number(brusselsDay().slice(0, 4));
  const row: InquiryRow = {
    id,
    ref: numbersLast(trx) ? provisionalRef(id) : await nextInquiryRef(trx, year),
    channel,
    origin: caller.partnerId ? 'fund' : (input.origin ?? defaultOrigin(channel)),
    language: input.language,
    status: 'new',
    theme: input.theme ?? null,
    question: input.question,
    requester_name: requester.name ?? null,
    // The schema checked them; stored as digits only, so a search finds them however they were typed.
    requester_niss: requester.niss ? normalizeNiss(requester.niss) : null,
    requester_enterprise_number: requester.enterprise_number
      ? normalizeEnterpriseNumber(requester.enterprise_number)
      : null,
    requester_email: requester.email ?? null,
    requester_phone: requester.phone ?? null,
    requester_fund_id: fundId,
    partner_id: channel === 'partner' ? fundId : null,
    team_id: null,
    assignee_id: null,
    linked_to_id: null,
    answer_entry_ref: null,
    answer_entry_version: null,
    faq_draft_ref: null,
    created_by: caller.actor.id,
    idempotency_key: idempotency?.key ?? null,
    idempotency_digest: idempotency?.digest ?? null,
    created_at: now,
    updated_at: now,
    first_answered_at: null,
    closed_at: null,
    anonymised_at: null,
    partner_answered_at: null,
    kind: ticket ? 'helpdesk' : 'citizen',
    category: ticket?.category ?? null,
    asset_tag: ticket?.assetTag ?? null,
    requester_person_id: ticket?.requesterPersonId ?? null,
    ...social,
    line,
  };
  await addInquiryRow(trx, row);
  await addStatusChange(trx, {
    id: randomUUID(),
    inquiry_id: row.id,
    from_status: null,
    to_status: 'new',
    at: now,
    actor_id: caller.actor.id,
  });
  if (numbersLast(trx)) row.ref = await numberInquiry(trx, id, year);
  await writeAudit(trx, caller.actor, {
    action: 'inquiries.inquiry_created',
    objectType: 'inquiry',
    objectId: row.id,
    summary: { ref: row.ref, channel: row.channel, origin: row.origin },
  });
  // A call logged on a line links to its call record when the telephony sent it first.
  if (row.line !== null) {
    const call = await linkLoggedInquiry(trx, { id: row.id, line: row.line, created_at: row.created_at });
    if (call)
      await writeAudit(trx, caller.actor, {
        action: 'inquiries.call_linked',
        objectType: 'inquiry',
        objectId: row.id,
        summary: { ref: row.ref, call },
      });
  }
  return row;
}

/**
 * The telephony line a phone inquiry was taken on (what links it to its call record); any other
 * channel has none, and one given is a mistake in the form, said rather than stored.
 */
function phoneLine(channel: Channel, line: number | undefined): number | null {
  if (line === undefined) return null;
  if (channel !== 'phone') throw invalid([{ field: 'line', code: 'inquiries.line_only_for_phone_channel' }]);
  return line;
}

/** The fund the inquiry concerns: a partner's own fund, or the one named (which must exist). */
async function resolveFund(
  trx: Db,
  caller: InquiryCaller,
  fundCode: string | undefined,
  channel: string,
): Promise<string | null> {
  if (caller.partnerId) return caller.partnerId;
  if (!fundCode) {
    if (channel === 'partner') throw invalid([{ field: 'requester.fund', code: 'inquiries.fund_required' }]);
    return null;
  }
  const fundId = (await partnerCodes(forOtherModules(trx))).byCode.get(fundCode);
  if (!fundId)
    throw invalid([{ field: 'requester.fund', code: 'inquiries.unknown_fund', params: { code: fundCode } }]);
  return fundId;
}
