import { writeAudit } from '../../../platform/audit/audit.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { InquiryCaller } from '../caller.js';
import { changeVisibleInquiry } from '../inquiry-access.js';
import type { Db } from '../repository/db.js';
import { decideCallLink } from './call-link.js';
import { findCall, setCallInquiry } from './call-repository.js';

export type CallLinkResult = { call_id: string; inquiry_ref: string; received_at: string };

/**
 * The console names the call an inquiry was logged for (the id the telephony shows the agent): the
 * record then points at the inquiry, and the figures can tell which calls became inquiries.
 */
export async function linkCallToInquiry(
  db: Db,
  caller: InquiryCaller,
  ref: string,
  callId: string,
): Promise<CallLinkResult> {
  return changeVisibleInquiry(db, caller, ref, async (trx, inquiry) => {
    const call = await findCall(trx, callId);
    if (!call) throw notFound('inquiries.calls.call_not_found', { call_id: callId });
    const decision = decideCallLink(call, inquiry);
    if (decision.kind === 'refused')
      throw new AppError(decision.code, decision.status, { call_id: callId, ref });
    if (decision.kind === 'link') {
      await setCallInquiry(trx, callId, inquiry.id);
      await writeAudit(trx, caller.actor, {
        action: 'inquiries.call_linked',
        objectType: 'inquiry',
        objectId: inquiry.id,
        summary: { ref, call: callId },
      });
    }
    return { call_id: callId, inquiry_ref: inquiry.ref, received_at: call.received_at };
  });
}
