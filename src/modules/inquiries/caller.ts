import type { AuditActor } from '../../platform/audit/audit.js';

/** The two kinds of inquiry: the public's questions, and staff's tickets to the ICT helpdesk. */
export const INQUIRY_KINDS = ['citizen', 'helpdesk'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

/** Who is acting on inquiries, and what that lets them see. */
export type InquiryCaller = {
  actor: AuditActor;
  /** A fund's user: sees and creates only that fund's inquiries. */
  partnerId: string | null;
  /** Whether NISS, e-mail and phone are shown in full (each such read is audited). */
  seesPersonalData: boolean;
  /**
   * Which inquiries the caller works on: the call center never sees the staff's helpdesk tickets,
   * and the ICT service, working the helpdesk, never reads the public's questions.
   */
  kind: InquiryKind;
  /** A member of staff following their own helpdesk tickets: sees only the ones they asked. */
  requesterId: string | null;
};

/**
 * Whether the caller may see an inquiry: one of the kind they work on; a fund's user only its own
 * fund's, a member of staff following their tickets only their own.
 */
export const canSeeInquiry = (
  caller: InquiryCaller,
  row: { partner_id: string | null; kind: string; requester_person_id: string | null },
): boolean =>
  row.kind === caller.kind &&
  (!caller.partnerId || row.partner_id === caller.partnerId) &&
  (!caller.requesterId || row.requester_person_id === caller.requesterId);
