import type { Instant } from '../../../platform/db/time.js';
import type { InquiryStatus } from './inquiry-clock-statuses.js';

/** An inquiry entering a status, as its history records it. */
export type StatusChange = { status: InquiryStatus; at: Date | Instant };

/** A stretch of time an inquiry spent in one status, in epoch milliseconds, `to` excluded. */
export type StatusSpan = { status: InquiryStatus; from: number; to: number };

export function epochMsOf(at: Date | Instant, what: string): number {
  const epochMs = at instanceof Date ? at.getTime() : Date.parse(at);
  if (Number.isNaN(epochMs)) throw new RangeError(`${what} is not a valid instant: ${String(at)}`);
  return epochMs;
}

/**
 * The statuses an inquiry went through from its creation (as `new`) up to `until`, one span each, in order.
 * Changes after `until` are left out, so the same history read "as of" an earlier instant gives what the
 * queue showed then. A change recorded before the creation (clock skew between servers) counts from the
 * creation. The history is sorted here rather than trusted, keeping changes at the same instant in the
 * order given.
 */
export function statusTimeline(
  createdAt: number,
  history: readonly StatusChange[],
  until: number,
): StatusSpan[] {
  const changes = history
    .map((change, order) => ({ status: change.status, at: epochMsOf(change.at, 'A status change'), order }))
    .filter((change) => change.at <= until)
    .sort((a, b) => a.at - b.at || a.order - b.order);
  const spans: StatusSpan[] = [];
  let current = { status: 'new' as InquiryStatus, from: createdAt };
  for (const change of changes) {
    const at = Math.max(change.at, createdAt);
    spans.push({ ...current, to: at });
    current = { status: change.status, from: at };
  }
  spans.push({ ...current, to: Math.max(until, current.from) });
  return spans;
}

/** Where the last unbroken run of spans matching `test` starts; null when the last span does not match. */
export function trailingRunStart(spans: readonly StatusSpan[], test: (status: InquiryStatus) => boolean) {
  let start: number | null = null;
  for (let i = spans.length - 1; i >= 0 && test(spans[i]!.status); i--) start = spans[i]!.from;
  return start;
}
