import type { Generated, Selectable } from 'kysely';

/** The tables the inquiries module owns. Instants are UTC ISO strings; booleans are 0/1. */
export interface InquiryTables {
  inquiry_team: {
    id: string;
    code: string;
    name_fr: string;
    name_nl: string;
    first_answer_minutes: number;
    resolution_minutes: number;
    is_active: number;
    /** `citizen` (the call center's expert teams) or `helpdesk` (the ICT helpdesk). */
    kind: string;
    created_at: string;
    updated_at: string;
  };
  inquiry_team_member: { team_id: string; person_id: string };
  inquiry_ref_counter: { year: number; last_number: number };
  inquiry: {
    id: string;
    ref: string;
    channel: string;
    origin: string;
    language: string;
    status: string;
    theme: string | null;
    question: string;
    requester_name: string | null;
    requester_niss: string | null;
    requester_enterprise_number: string | null;
    requester_email: string | null;
    requester_phone: string | null;
    requester_fund_id: string | null;
    partner_id: string | null;
    team_id: string | null;
    assignee_id: string | null;
    linked_to_id: string | null;
    answer_entry_ref: string | null;
    answer_entry_version: number | null;
    faq_draft_ref: string | null;
    created_by: string | null;
    idempotency_key: string | null;
    /** SHA-256 of the canonical request that used the key (see request-digest.ts). */
    idempotency_digest: string | null;
    created_at: string;
    updated_at: string;
    first_answered_at: string | null;
    closed_at: string | null;
    anonymised_at: string | null;
    /** When a fund's answer brought it back to research; cleared by the next move (the expert acted). */
    partner_answered_at: string | null;
    /** `citizen` (a question from the public or a fund) or `helpdesk` (a ticket from a member of staff). */
    kind: string;
    /** A helpdesk ticket's category (HELPDESK_CATEGORIES). */
    category: string | null;
    /** The asset a helpdesk ticket concerns (the equipment module's asset tag). */
    asset_tag: string | null;
    /** The member of staff who asked the helpdesk (a person of the directory). */
    requester_person_id: string | null;
    /** Channel `social`: the network the private message came from (SOCIAL_PLATFORMS). */
    social_platform: string | null;
    /** Channel `social`: the sender's name on that network (personal data, erased with the rest). */
    social_handle: string | null;
    /** Channel `phone`: the telephony line the agent took the call on (1–99), when the console said. */
    line: number | null;
  };
  /** What the screens of an inquiry's expert and team are told at once (server-sent events). */
  inquiry_notice: {
    seq: Generated<number>;
    inquiry_id: string;
    kind: string;
    assignee_id: string | null;
    team_id: string | null;
    at: string;
  };
  inquiry_status_change: {
    id: string;
    inquiry_id: string;
    from_status: string | null;
    to_status: string;
    at: string;
    actor_id: string | null;
    /** The reason given with the change (why it was closed), if any. */
    note: string | null;
  };
  /** What happened outside statuses and messages: answered from an FAQ entry, proposed as one. */
  inquiry_event: {
    id: string;
    inquiry_id: string;
    kind: string;
    actor_id: string | null;
    at: string;
    entry_ref: string | null;
    entry_version: number | null;
    theme: string | null;
  };
  inquiry_message: {
    id: string;
    inquiry_id: string;
    kind: string;
    body: string;
    via: string | null;
    author_id: string | null;
    created_at: string;
  };
  inquiry_attachment: {
    id: string;
    inquiry_id: string;
    message_id: string | null;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    content: Uint8Array;
    created_by: string | null;
    created_at: string;
  };
  inquiry_flag: {
    id: string;
    inquiry_id: string;
    kind: string;
    note: string | null;
    created_by: string | null;
    created_at: string;
  };
  inquiry_partner_request: {
    id: string;
    inquiry_id: string;
    partner_id: string;
    question: string;
    status: string;
    asked_by: string | null;
    asked_at: string;
    answer: string | null;
    answered_by: string | null;
    answered_at: string | null;
  };
  inquiry_callback: {
    id: string;
    inquiry_id: string;
    status: string;
    due_at: string;
    attempts: number;
    max_attempts: number;
    claimed_by: string | null;
    fallback: string | null;
    created_by: string | null;
    created_at: string;
    closed_at: string | null;
  };
  inquiry_callback_attempt: {
    id: string;
    callback_id: string;
    agent_id: string | null;
    outcome: string;
    note: string | null;
    at: string;
  };
  inquiry_retention_run: {
    id: string;
    cutoff: string;
    anonymised: number;
    started_at: string;
    finished_at: string;
    actor_id: string | null;
  };
  /** A call-detail record of the telephony (calls/): what it sent, and what the figures group by. */
  inquiry_call_record: {
    call_id: string;
    line: number;
    caller_language: string;
    received_at: string;
    answered_at: string | null;
    ended_at: string;
    outcome: string;
    /** Whole seconds from arrival to answer; null when abandoned. */
    wait_s: number | null;
    /** The Brussels calendar day and hour (0-23) of arrival. */
    received_day: string;
    received_hour: number;
    /** The inquiry an agent logged for this call, once linked. */
    inquiry_id: string | null;
    imported_at: string;
  };
}

export type InquiryRow = Selectable<InquiryTables['inquiry']>;
export type TeamRow = Selectable<InquiryTables['inquiry_team']>;
export type MessageRow = Selectable<InquiryTables['inquiry_message']>;
