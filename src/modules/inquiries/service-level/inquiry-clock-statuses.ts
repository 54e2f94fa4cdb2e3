import type { Status } from '../contract.js';

/** The statuses of an inquiry: one list, in the module's vocabulary. */
export type InquiryStatus = Status;

/**
 * Statuses during which the service-level clocks stand still, because the next move is not ours:
 * - `waiting_partner`: a partner fund has been asked and we cannot go on without its reply.
 * - `answered`: the person has our answer; the inquiry stays open only in case they come back, so it waits
 *   on the person. This is the "waiting on the person" pause: it stops the resolution clock from running
 *   against the team while an answered inquiry sits unclosed, and it restarts as soon as the inquiry moves
 *   again (the person replies, it is escalated or researched).
 * Not pausing: `callback_pending` is the agent's own task (we owe the person a call), and `new`,
 * `escalated`, `in_research` are work on our side. A separate "waiting for a document from the person"
 * status, if one is ever added, belongs here.
 */
export const PAUSING_STATUSES: ReadonlySet<InquiryStatus> = new Set(['waiting_partner', 'answered']);

/**
 * Entering one of these statuses for the first time gives the person their first answer.
 * `closed` counts too: an inquiry closed without a separate answer was answered and closed in one step
 * (or withdrawn), and its first-answer clock must not run on for ever. `callback_pending` does not: the
 * person is still waiting to hear from us.
 */
export const FIRST_ANSWER_STATUSES: ReadonlySet<InquiryStatus> = new Set(['answered', 'closed']);

/** The status that ends the resolution clock; reopening the inquiry starts it again where it stopped. */
export const RESOLVED_STATUS: InquiryStatus = 'closed';
