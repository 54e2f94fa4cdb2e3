import type { AuditActor } from '../../platform/audit/audit.js';

/** Who is acting on inquiries, and what that lets them see. */
export type InquiryCaller = {
  actor: AuditActor;
  /** A fund's user: sees and creates only that fund's inquiries. */
  partnerId: string | null;
  /** Whether NISS, e-mail and phone are shown in full (each such read is audited). */
  seesPersonalData: boolean;
};

/** A fund's user sees only its own fund's inquiries; the institute's staff see them all. */
export const canSeeInquiry = (caller: InquiryCaller, row: { partner_id: string | null }): boolean =>
  !caller.partnerId || row.partner_id === caller.partnerId;
