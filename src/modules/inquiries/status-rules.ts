import { conflict } from '../../platform/errors.js';
import type { Status } from './vocabulary.js';

/**
 * Where an inquiry may go from each status. An agent answers or escalates a new one; an expert
 * researches, asks a fund, answers; an answer given to someone who must be called back waits for
 * that call; anything may be closed. A closed inquiry stays closed: a new question is a new inquiry.
 */
const NEXT: Record<Status, readonly Status[]> = {
  new: ['answered', 'escalated', 'closed'],
  escalated: ['in_research', 'waiting_partner', 'answered', 'callback_pending', 'escalated', 'closed'],
  in_research: ['waiting_partner', 'answered', 'callback_pending', 'escalated', 'closed'],
  waiting_partner: ['in_research', 'answered', 'callback_pending', 'closed'],
  answered: ['callback_pending', 'escalated', 'closed'],
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
