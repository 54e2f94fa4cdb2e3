import { addMinutes } from '../../../platform/db/time.js';
import type { Db } from '../repository/db.js';
import { CALL_LINK_GRACE_MINUTES, matchCalls } from './call-link.js';
import { linkMatchedCalls, phoneInquiriesLogged, unlinkedCallsDuring } from './call-repository.js';
import type { CallRow } from './call-row.js';

// The link by line and time, run when either side arrives (see matchCalls for the rule). Each run
// reads the candidates of a whole batch in two range queries and writes the links in one
// statement: a file of 43,385 calls costs one query when no phone inquiry names a line in its span.

const span = (lines: Iterable<number>, from: string, to: string) => ({
  lines: [...new Set(lines)],
  from,
  to,
});

/** Links the answered calls just received (a push or a file) to the inquiries logged for them. */
export async function linkArrivedCalls(db: Db, rows: readonly CallRow[]): Promise<number> {
  const answered = rows.filter((row) => row.answered_at !== null);
  if (answered.length === 0) return 0;
  let from = answered[0]!.answered_at as string;
  let to = answered[0]!.ended_at;
  for (const row of answered) {
    if ((row.answered_at as string) < from) from = row.answered_at as string;
    if (row.ended_at > to) to = row.ended_at;
  }
  const inquiries = (
    await phoneInquiriesLogged(
      db,
      span(
        answered.map((row) => row.line),
        from,
        addMinutes(to, CALL_LINK_GRACE_MINUTES),
      ),
    )
  ).filter((inquiry) => !inquiry.has_call);
  if (inquiries.length === 0) return 0;
  // Every call that might also fit these inquiries, this batch's and those stored before.
  const times = inquiries.map((inquiry) => inquiry.created_at).sort();
  const calls = await unlinkedCallsDuring(
    db,
    span(
      inquiries.map((inquiry) => inquiry.line as number),
      addMinutes(times[0]!, -CALL_LINK_GRACE_MINUTES),
      times[times.length - 1]!,
    ),
  );
  const arrived = new Set(answered.map((row) => row.call_id));
  return linkMatchedCalls(
    db,
    matchCalls(calls, inquiries).filter((match) => arrived.has(match.call_id)),
  );
}

/**
 * Links a phone inquiry just logged on a line to the call record already received for it; answers
 * the call id it linked, if any.
 */
export async function linkLoggedInquiry(
  db: Db,
  inquiry: { id: string; line: number; created_at: string },
): Promise<string | undefined> {
  const calls = await unlinkedCallsDuring(
    db,
    span([inquiry.line], addMinutes(inquiry.created_at, -CALL_LINK_GRACE_MINUTES), inquiry.created_at),
  );
  if (calls.length !== 1) return undefined;
  const [call] = calls as [(typeof calls)[number]];
  // The other inquiries that call might be for: with two, neither is linked.
  const inquiries = await phoneInquiriesLogged(
    db,
    span([call.line], call.answered_at as string, addMinutes(call.ended_at, CALL_LINK_GRACE_MINUTES)),
  );
  const matches = matchCalls(calls, inquiries).filter((match) => match.inquiry_id === inquiry.id);
  return (await linkMatchedCalls(db, matches)) > 0 ? call.call_id : undefined;
}
