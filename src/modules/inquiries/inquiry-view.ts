import { writeAudit } from '../../platform/audit/audit.js';
import { mailStatesOf } from '../../platform/mail/outbox.js';
import { namesOfPeople, partnerCodes } from '../directory/index.js';
import type { InquiryCaller } from './caller.js';
import { callOfInquiry } from './calls/call-repository.js';
import type { DeadlinesView, InquiryDetailView, InquirySummaryView } from './contract.js';
import { getVisibleInquiry } from './inquiry-access.js';
import { deadlinesOf } from './inquiry-deadlines.js';
import { INQUIRY_MAIL_SOURCE } from './mailbox/outgoing.js';
import { holdsPersonalData, maskHandle, presentRequester } from './masking.js';
import { listAttachments } from './repository/attachments.js';
import { type Db, forOtherModules } from './repository/db.js';
import { refsOfInquiries } from './repository/inquiries.js';
import { findTeamsByIds } from './repository/teams.js';
import {
  listInquiryCallbackAttempts,
  listInquiryEvents,
  listInquiryStatusChanges,
} from './repository/thread-events.js';
import { listFlags, listMessages } from './repository/threads.js';
import type { InquiryRow, TeamRow } from './tables.js';
import { buildThreadEvents, type ThreadSources } from './thread-events.js';

/** Names, teams and fund codes of a page of inquiries, loaded once for the page. */
export type ViewContext = {
  names: Map<string, string>;
  deadlines: Map<string, DeadlinesView>;
  /** References of the inquiries these are linked to. */
  leads: Map<string, string>;
  teams: Map<string, TeamRow>;
  fundCodes: Map<string, string>;
};

export async function loadViewContext(db: Db, rows: readonly InquiryRow[], extraPeople: string[] = []) {
  const people = rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])).concat(extraPeople);
  const teamIds = [...new Set(rows.flatMap((r) => (r.team_id ? [r.team_id] : [])))];
  const hasFunds = rows.some((r) => r.requester_fund_id !== null);
  const [names, teams, funds] = await Promise.all([
    namesOfPeople(forOtherModules(db), people),
    findTeamsByIds(db, teamIds),
    // Most calls name no fund: a call just logged then costs no read of the funds.
    hasFunds ? partnerCodes(forOtherModules(db)) : { byId: new Map<string, string>() },
  ]);
  const teamsById = new Map(teams.map((t) => [t.id, t]));
  const leadIds = [...new Set(rows.flatMap((r) => (r.linked_to_id ? [r.linked_to_id] : [])))];
  const [deadlines, leads] = await Promise.all([
    deadlinesOf(db, rows, teamsById),
    refsOfInquiries(db, leadIds),
  ]);
  return {
    names,
    teams: teamsById,
    fundCodes: funds.byId,
    deadlines,
    leads,
  } satisfies ViewContext;
}

export function toSummary(row: InquiryRow, context: ViewContext, inFull: boolean): InquirySummaryView {
  const team = row.team_id ? context.teams.get(row.team_id) : undefined;
  const requester = presentRequester(
    {
      niss: row.requester_niss,
      enterprise_number: row.requester_enterprise_number,
      email: row.requester_email,
      phone: row.requester_phone,
    },
    inFull,
  );
  return {
    ref: row.ref,
    channel: row.channel as InquirySummaryView['channel'],
    origin: row.origin as InquirySummaryView['origin'],
    language: row.language as InquirySummaryView['language'],
    status: row.status as InquirySummaryView['status'],
    theme: row.theme,
    question: row.question,
    requester: {
      name: row.requester_name,
      ...requester,
      fund: row.requester_fund_id ? (context.fundCodes.get(row.requester_fund_id) ?? null) : null,
      masked: !inFull && holdsPersonalData(requester),
    },
    social:
      row.social_platform && row.social_handle
        ? {
            platform: row.social_platform as NonNullable<InquirySummaryView['social']>['platform'],
            handle: inFull ? row.social_handle : maskHandle(row.social_handle),
          }
        : null,
    team: team ? { code: team.code, name_fr: team.name_fr, name_nl: team.name_nl } : null,
    assignee: row.assignee_id
      ? { id: row.assignee_id, name: context.names.get(row.assignee_id) ?? '?' }
      : null,
    answer_entry:
      row.answer_entry_ref && row.answer_entry_version !== null
        ? { ref: row.answer_entry_ref, version: row.answer_entry_version }
        : null,
    faq_draft: row.faq_draft_ref,
    linked_to: row.linked_to_id ? (context.leads.get(row.linked_to_id) ?? null) : null,
    deadlines: context.deadlines.get(row.id) ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
    first_answered_at: row.first_answered_at,
    closed_at: row.closed_at,
    partner_answered_at: row.partner_answered_at,
  };
}

/**
 * The answer to a creation. A replay (the same key and request again) hands back an inquiry that
 * is already stored: that is a read, audited as a read of the inquiry would be.
 */
export async function presentCreated(
  db: Db,
  caller: InquiryCaller,
  created: { row: InquiryRow; isReplay: boolean },
): Promise<InquirySummaryView> {
  const context = await loadViewContext(db, [created.row]);
  const summary = toSummary(created.row, context, seesInFull(caller));
  if (created.isReplay) await auditPersonalDataRead(db, caller, created.row, summary);
  return summary;
}

/** Staff with the right, and a fund (for its own inquiries), read the requester's identifiers in full. */
const seesInFull = (caller: InquiryCaller) =>
  caller.seesPersonalData || caller.partnerId !== null || caller.requesterId !== null;

async function auditPersonalDataRead(
  db: Db,
  caller: InquiryCaller,
  row: InquiryRow,
  shown: InquirySummaryView,
): Promise<void> {
  // A social handle names the person as an e-mail address does: shown in full, its read is audited.
  const readsRequester = !shown.requester.masked && holdsPersonalData({ ...shown.requester });
  const readsHandle = shown.social !== null && seesInFull(caller);
  if (!readsRequester && !readsHandle) return;
  await writeAudit(db, caller.actor, {
    action: 'inquiries.personal_data_read',
    objectType: 'inquiry',
    objectId: row.id,
    summary: { ref: row.ref },
  });
}

/** One inquiry with its thread; reading its requester's personal data in full is audited. */
export async function readInquiry(db: Db, caller: InquiryCaller, ref: string): Promise<InquiryDetailView> {
  const row = await getVisibleInquiry(db, caller, ref);
  // Notes between colleagues and flags (a vulnerable person, a payment problem) are the institute's
  // own working records: a fund following its question reads what was asked and answered, not them;
  // so does a member of staff following their helpdesk ticket.
  const isFund = caller.partnerId !== null || caller.requesterId !== null;
  const [messages, flags, attachments, story, call] = await Promise.all([
    listMessages(db, row.id, !isFund),
    isFund ? [] : listFlags(db, row.id),
    listAttachments(db, row.id),
    isFund ? undefined : readStory(db, row.id),
    row.channel === 'phone' ? callOfInquiry(db, row.id) : undefined,
  ]);
  const people = [
    ...messages.flatMap((m) => (m.author_id ? [m.author_id] : [])),
    ...(story ? storyPeople(story) : []),
  ];
  const mailed = messages.filter((m) => m.via === 'email');
  const [context, mails] = await Promise.all([
    loadViewContext(db, [row], people),
    mailStatesOf(
      db,
      INQUIRY_MAIL_SOURCE,
      mailed.map((m) => m.id),
    ),
  ]);
  const summary = toSummary(row, context, seesInFull(caller));
  await auditPersonalDataRead(db, caller, row, summary);
  return {
    ...summary,
    line: row.line,
    call: call ?? null,
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind as InquiryDetailView['messages'][number]['kind'],
      body: m.body,
      via: m.via,
      mail_status: mails.get(m.id)?.status ?? null,
      author: m.author_id ? { id: m.author_id, name: context.names.get(m.author_id) ?? '?' } : null,
      created_at: m.created_at,
    })),
    events: story
      ? buildThreadEvents(
          {
            ...story,
            mails: mailed.flatMap((m) => {
              const state = mails.get(m.id);
              if (!state) return [];
              return [
                {
                  author_id: m.author_id,
                  created_at: m.created_at,
                  status: state.status,
                  sent_at: state.sentAt,
                },
              ];
            }),
          },
          (id) => (id ? { id, name: context.names.get(id) ?? '?' } : null),
        )
      : [],
    attachments,
    flags: flags.map((f) => ({
      kind: f.kind as InquiryDetailView['flags'][number]['kind'],
      note: f.note,
      created_at: f.created_at,
    })),
  };
}

/** The tables' record of an inquiry's story beside its messages (mails come with the messages). */
async function readStory(db: Db, inquiryId: string): Promise<Omit<ThreadSources, 'mails'>> {
  const [statusChanges, callbackAttempts, events] = await Promise.all([
    listInquiryStatusChanges(db, inquiryId),
    listInquiryCallbackAttempts(db, inquiryId),
    listInquiryEvents(db, inquiryId),
  ]);
  return { statusChanges, callbackAttempts, events };
}

const storyPeople = (story: Omit<ThreadSources, 'mails'>): string[] =>
  [
    ...story.statusChanges.map((c) => c.actor_id),
    ...story.callbackAttempts.map((a) => a.agent_id),
    ...story.events.map((e) => e.actor_id),
  ].filter((id): id is string => id !== null);
