import { conflict } from '../../platform/errors.js';
import type { Status } from './contract.js';

/**
 * Where an inquiry may go from each status. An agent answers or escalates a new one; an expert
 * researches, asks a fund, answers; an answer given to someone who must be called back waits for
 * that call; anything may be closed. A closed inquiry stays closed: a new question is a new inquiry.
 * A person writing back to an answered one reopens it (see statusOnReply).
 */
const NEXT: Record<Status, readonly Status[]> = {
  new: ['answered', 'escalated', 'closed'],
  escalated: ['in_research', 'waiting_partner', 'answered', 'callback_pending', 'escalated', 'closed'],
  in_research: ['waiting_partner', 'answered', 'callback_pending', 'escalated', 'closed'],
  waiting_partner: ['in_research', 'answered', 'callback_pending', 'closed'],
  answered: ['callback_pending', 'escalated', 'new', 'closed'],
  callback_pending: ['answered', 'closed'],
  closed: [],
};

export const canMove = (from: Status, to: Status): boolean => NEXT[from].includes(to);

/** A 409 naming both statuses when the move is not allowed (a closed inquiry above all). */
export function assertCanMove(from: Status, to: Status): void {
  if (from === 'closed') throw conflict('inquiries.closed');
  if (!canMove(from, to)) throw conflict('inquiries.status_not_allowed', { from, to });
}

/** Statuses in which someone still owes the person an answer. */
export const isOpen = (status: Status): boolean => status !== 'closed';

/**
 * Where a reply from the person takes their inquiry. An answered one needs someone again: back in
 * its team's queue (escalated) or, without a team, among the agents' new inquiries. One still open
 * stays where it is (the reply joins the thread). A closed one is not reopened (null): the reply
 * becomes a new inquiry.
 */
export function statusOnReply(status: Status, hasTeam: boolean): Status | null {
  if (status === 'answered') return hasTeam ? 'escalated' : 'new';
  return null;
}
