// Which inquiry a call record names. Phone inquiries store no telephony line (an agent's console
// does not say which line it took the call on), so a record cannot be matched to an inquiry by line
// and time: the console names the call explicitly, by the call id the telephony shows it. The rule
// below decides whether that link may be made.

export type LinkDecision =
  | { kind: 'link' }
  | { kind: 'unchanged' }
  | { kind: 'refused'; code: string; status: 409 };

/** A call links to one phone inquiry, once answered; naming the same inquiry again changes nothing. */
export function decideCallLink(
  call: { outcome: string; inquiry_id: string | null },
  inquiry: { id: string; channel: string },
): LinkDecision {
  if (inquiry.channel !== 'phone')
    return { kind: 'refused', code: 'inquiries.calls.not_a_phone_inquiry', status: 409 };
  if (call.outcome !== 'answered')
    return { kind: 'refused', code: 'inquiries.calls.not_answered', status: 409 };
  if (call.inquiry_id === inquiry.id) return { kind: 'unchanged' };
  if (call.inquiry_id !== null)
    return { kind: 'refused', code: 'inquiries.calls.linked_elsewhere', status: 409 };
  return { kind: 'link' };
}
