import { describe, expect, it } from 'vitest';
import { STATUSES } from './contract.js';
import { assertCanMove, canMove, statusOnReply } from './status-rules.js';

describe('inquiry status rules', () => {
  it('lets an agent answer or escalate a new inquiry, not research it', () => {
    expect(canMove('new', 'answered')).toBe(true);
    expect(canMove('new', 'escalated')).toBe(true);
    expect(canMove('new', 'in_research')).toBe(false);
  });

  it('brings an inquiry back from the fund to research, and from research to a callback', () => {
    expect(canMove('in_research', 'waiting_partner')).toBe(true);
    expect(canMove('waiting_partner', 'in_research')).toBe(true);
    expect(canMove('in_research', 'callback_pending')).toBe(true);
  });

  it('closes from anywhere open, and never moves a closed inquiry', () => {
    for (const status of STATUSES.filter((s) => s !== 'closed')) expect(canMove(status, 'closed')).toBe(true);
    for (const status of STATUSES) expect(canMove('closed', status)).toBe(false);
    expect(() => assertCanMove('closed', 'answered')).toThrowError(
      expect.objectContaining({ code: 'inquiries.closed' }),
    );
    expect(() => assertCanMove('new', 'waiting_partner')).toThrowError(
      expect.objectContaining({ code: 'inquiries.status_not_allowed', status: 409 }),
    );
  });

  it('reopens an answered inquiry the person writes back to: to its team, or to the agents without one', () => {
    expect(statusOnReply('answered', true)).toBe('escalated');
    expect(statusOnReply('answered', false)).toBe('new');
    for (const to of ['escalated', 'new'] as const) expect(canMove('answered', to)).toBe(true);
  });

  it('leaves an open inquiry where it is on a reply, and never reopens a closed one', () => {
    for (const status of ['new', 'escalated', 'in_research', 'waiting_partner', 'callback_pending'] as const)
      expect(statusOnReply(status, true)).toBeNull();
    expect(statusOnReply('closed', true)).toBeNull();
  });
});
