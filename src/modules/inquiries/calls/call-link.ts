// Which inquiry a call record names. Two ways:
// - by line and time: a phone inquiry says on which line the agent took the call, and an answered
//   call links to the one phone inquiry logged on its line while it lasted (or shortly after: the
//   agent finishes typing after hanging up), when that match is unambiguous both ways;
// - explicitly: the console names the call by the id the telephony shows (decideCallLink).

/** Minutes after a call ends during which the inquiry the agent logs for it still matches it. */
export const CALL_LINK_GRACE_MINUTES = 10;

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

/** What the match reads of a call record (instants are UTC ISO-8601). */
export type MatchableCall = {
  call_id: string;
  line: number;
  outcome: string;
  answered_at: string | null;
  ended_at: string;
  inquiry_id: string | null;
};

/** What the match reads of an inquiry; `has_call` when a call record already names it. */
export type MatchableInquiry = {
  id: string;
  channel: string;
  line: number | null;
  created_at: string;
  has_call: boolean;
};

export type CallMatch = { call_id: string; inquiry_id: string };

/**
 * Whether an inquiry may be the one logged for a call: a phone inquiry without a call yet, on the
 * call's line, logged between the answer and the end of the call plus the grace, for an answered
 * call no inquiry names yet.
 */
export function fitsCall(
  call: MatchableCall,
  inquiry: MatchableInquiry,
  graceMinutes = CALL_LINK_GRACE_MINUTES,
): boolean {
  if (call.outcome !== 'answered' || call.answered_at === null || call.inquiry_id !== null) return false;
  if (inquiry.channel !== 'phone' || inquiry.has_call || inquiry.line !== call.line) return false;
  const created = Date.parse(inquiry.created_at);
  const until = Date.parse(call.ended_at) + graceMinutes * 60_000;
  return Date.parse(call.answered_at) <= created && created <= until;
}

/**
 * The links by line and time: a call and an inquiry are linked when each is the other's only fit.
 * A call that two inquiries fit (two agents logging on one line at once), or an inquiry that two
 * calls fit (back-to-back calls within the grace), stays unlinked: a wrong link is worse than none,
 * and the console can still name the call explicitly.
 */
export function matchCalls(
  calls: readonly MatchableCall[],
  inquiries: readonly MatchableInquiry[],
  graceMinutes = CALL_LINK_GRACE_MINUTES,
): CallMatch[] {
  // The inquiries that may take a call, per line in the order they were logged: each call looks up
  // its window by binary search, so a year of calls against thousands of inquiries stays quick.
  const byLine = new Map<number, { id: string; at: number }[]>();
  for (const inquiry of inquiries) {
    if (inquiry.channel !== 'phone' || inquiry.has_call || inquiry.line === null) continue;
    const list = byLine.get(inquiry.line) ?? [];
    list.push({ id: inquiry.id, at: Date.parse(inquiry.created_at) });
    byLine.set(inquiry.line, list);
  }
  for (const list of byLine.values()) list.sort((a, b) => a.at - b.at);
  const fitsOfCall = new Map<string, string[]>();
  const fitsOfInquiry = new Map<string, number>();
  for (const call of calls) {
    const list = byLine.get(call.line);
    if (!list || call.outcome !== 'answered' || call.answered_at === null || call.inquiry_id !== null)
      continue;
    const from = Date.parse(call.answered_at);
    const until = Date.parse(call.ended_at) + graceMinutes * 60_000;
    const fits: string[] = [];
    for (let i = firstAtOrAfter(list, from); i < list.length && (list[i] as { at: number }).at <= until; i++)
      fits.push((list[i] as { id: string }).id);
    fitsOfCall.set(call.call_id, fits);
    for (const id of fits) fitsOfInquiry.set(id, (fitsOfInquiry.get(id) ?? 0) + 1);
  }
  const matches: CallMatch[] = [];
  for (const [callId, fits] of fitsOfCall) {
    const [only] = fits;
    if (fits.length === 1 && only !== undefined && fitsOfInquiry.get(only) === 1)
      matches.push({ call_id: callId, inquiry_id: only });
  }
  return matches;
}

/** The index of the first entry logged at or after `at` (the list sorted by time). */
function firstAtOrAfter(list: readonly { at: number }[], at: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as { at: number }).at < at) low = middle + 1;
    else high = middle;
  }
  return low;
}
