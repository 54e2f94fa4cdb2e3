import { withTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, invalid } from '../../../platform/errors.js';
import { idsOfUsernames, namesOfPeople } from '../../directory/index.js';
import { assetOfTag } from '../../equipment/index.js';
import type { InquiryCaller } from '../caller.js';
import {
  type AssetTicketView,
  HELPDESK_TEAM_CODE,
  type HelpdeskCategory,
  type NewTicket,
  type Status,
  type TicketDetailView,
  type TicketListQuery,
  type TicketSummaryView,
} from '../contract.js';
import { insertInquiry } from '../create-inquiry.js';
import { criteriaOf } from '../find-inquiries.js';
import { changeVisibleInquiry, getVisibleInquiry } from '../inquiry-access.js';
import { loadViewContext, readInquiry, toSummary, type ViewContext } from '../inquiry-view.js';
import { type Db, forOtherModules } from '../repository/db.js';
import { findTicketsOfAsset } from '../repository/helpdesk.js';
import { findInquiryPage, updateInquiry } from '../repository/inquiries.js';
import { addMessage, moveInquiry } from '../status-change.js';
import { statusOnReply } from '../status-rules.js';
import type { InquiryRow } from '../tables.js';
import { getTeamForField } from '../teams.js';

// The ICT helpdesk's tickets: inquiries of kind `helpdesk`, held by the helpdesk's team from the
// moment they are asked, so the team's service levels, queue and "my work" apply as they do to the
// expert teams. The caller (see routes/helpdesk.ts) sees only helpdesk tickets, and a member of
// staff only their own.

const ticketFields = (row: InquiryRow) => ({
  category: row.category as HelpdeskCategory | null,
  asset_tag: row.asset_tag,
  employee: row.requester_person_id ? { id: row.requester_person_id, name: row.requester_name ?? '?' } : null,
});

const toTicketSummary = (row: InquiryRow, context: ViewContext, inFull: boolean): TicketSummaryView => ({
  ...toSummary(row, context, inFull),
  ...ticketFields(row),
});

/** The employee a ticket is for: the caller, or (ICT logging a phone call) the one named. */
async function employeeOf(
  db: Db,
  caller: InquiryCaller,
  username: string | undefined,
  mayActForOthers: boolean,
): Promise<{ id: string; name: string }> {
  const self = caller.actor.id;
  if (username === undefined || username === caller.actor.username) {
    if (!self) throw new AppError('http.forbidden', 403);
    return { id: self, name: (await namesOfPeople(forOtherModules(db), [self])).get(self) ?? '?' };
  }
  if (!mayActForOthers) throw new AppError('helpdesk.for_others_forbidden', 403);
  const id = (await idsOfUsernames(forOtherModules(db), [username])).get(username);
  if (!id) throw invalid([{ field: 'employee', code: 'helpdesk.unknown_employee', params: { username } }]);
  return { id, name: (await namesOfPeople(forOtherModules(db), [id])).get(id) ?? username };
}

/**
 * Files a ticket: an employee from the application (channel `web`), or ICT logging the call an
 * employee made (channel `phone`). It goes straight to the helpdesk team's queue, its clock running.
 */
export async function createTicket(
  db: Db,
  caller: InquiryCaller,
  input: NewTicket,
  options: { language: 'fr' | 'nl' | 'en'; mayActForOthers: boolean },
): Promise<TicketSummaryView> {
  const employee = await employeeOf(db, caller, input.employee, options.mayActForOthers);
  // A tag nobody finds would leave ICT with a ticket about no unit: it is asked again, by name.
  if (input.asset_tag !== undefined && !(await assetOfTag(forOtherModules(db), input.asset_tag)))
    throw invalid([{ field: 'asset_tag', code: 'helpdesk.unknown_asset', params: { tag: input.asset_tag } }]);
  const byPhone = input.employee !== undefined && employee.id !== caller.actor.id;
  const row = await withTransaction(db, async (trx) => {
    const team = await getTeamForField(trx, HELPDESK_TEAM_CODE, 'category', 'helpdesk');
    const created = await insertInquiry(
      trx,
      caller,
      {
        channel: byPhone ? 'phone' : 'web',
        origin: 'internal_service',
        language: input.language ?? options.language,
        question: input.question,
        requester: { name: employee.name, ...(input.phone && { phone: input.phone }) },
      },
      null,
      { requesterPersonId: employee.id, category: input.category, assetTag: input.asset_tag ?? null },
    );
    return moveInquiry(
      trx,
      caller.actor,
      created,
      'escalated',
      { team_id: team.id },
      'helpdesk.ticket_queued',
    );
  });
  const context = await loadViewContext(db, [row]);
  return toTicketSummary(row, context, true);
}

/** Tickets matching the filters, newest first: an employee's own, or all of them for ICT. */
export async function findTickets(
  db: Db,
  caller: InquiryCaller,
  query: TicketListQuery,
): Promise<{ items: TicketSummaryView[]; total: number }> {
  const criteria = await criteriaOf(db, caller, query);
  if (query.mine) criteria.requesterPersonId = caller.actor.id ?? '-';
  const { rows, total } = await findInquiryPage(db, criteria, {
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  const context = await loadViewContext(db, rows);
  // A list shows no phone numbers: they are shown, and read, when one ticket is opened.
  return { items: rows.map((row) => toTicketSummary(row, context, false)), total };
}

/** One ticket with its thread (an employee reads what was asked and answered, not ICT's notes). */
export async function readTicket(db: Db, caller: InquiryCaller, ref: string): Promise<TicketDetailView> {
  const detail = await readInquiry(db, caller, ref);
  const row = await getVisibleInquiry(db, caller, ref);
  return { ...detail, ...ticketFields(row) };
}

/** ICT takes a ticket from the queue: it becomes theirs, and work starts. */
export async function claimTicket(db: Db, caller: InquiryCaller, ref: string): Promise<void> {
  const personId = caller.actor.id;
  if (!personId) throw new AppError('http.forbidden', 403);
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.status === 'closed') throw conflict('inquiries.closed');
    if (row.status === 'escalated') {
      await moveInquiry(
        trx,
        caller.actor,
        row,
        'in_research',
        { assignee_id: personId },
        'inquiries.claimed',
      );
      return;
    }
    await updateInquiry(trx, row.id, { assignee_id: personId, updated_at: new Date().toISOString() });
  });
}

/** ICT's answer on the thread (the employee reads it in the application), closing the ticket unless asked not to. */
export async function answerTicket(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { body: string; close?: boolean },
): Promise<void> {
  await changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.status === 'closed') throw conflict('inquiries.closed');
    await addMessage(trx, caller.actor, row, { kind: 'answer', body: input.body, via: 'app' });
    const answered = await moveInquiry(trx, caller.actor, row, 'answered', {
      ...(row.assignee_id === null && caller.actor.id && { assignee_id: caller.actor.id }),
    });
    if (input.close !== false) await moveInquiry(trx, caller.actor, answered, 'closed');
  });
}

/**
 * Adds to a ticket's thread: the employee writes (an answered ticket goes back to the queue: the
 * answer did not do), ICT writes a note between colleagues or what the employee said on the phone.
 */
export async function writeOnTicket(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  input: { body: string; kind: 'incoming' | 'note' },
): Promise<string> {
  return changeVisibleInquiry(db, caller, ref, async (trx, row) => {
    if (row.status === 'closed') throw conflict('inquiries.closed');
    const id = await addMessage(trx, caller.actor, row, { kind: input.kind, body: input.body, via: 'app' });
    const back = input.kind === 'incoming' ? statusOnReply(row.status as Status, row.team_id !== null) : null;
    if (back) await moveInquiry(trx, caller.actor, row, back);
    else await updateInquiry(trx, row.id, { updated_at: new Date().toISOString() });
    return id;
  });
}

/**
 * The helpdesk tickets that name an asset, newest first: ICT reads a unit's troubles beside its
 * history. No caller: the module that asks decides who may read them.
 */
export async function helpdeskTicketsOfAsset(db: Db, tag: string): Promise<AssetTicketView[]> {
  const rows = await findTicketsOfAsset(db, tag);
  return rows.map((row) => ({
    ref: row.ref,
    status: row.status as Status,
    category: row.category as HelpdeskCategory | null,
    created_at: row.created_at,
    closed_at: row.closed_at,
    employee: row.requester_person_id
      ? { id: row.requester_person_id, name: row.requester_name ?? '?' }
      : null,
  }));
}
