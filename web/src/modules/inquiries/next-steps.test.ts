import { describe, expect, it } from 'vitest';
import { type NextStepInput, nextSteps } from './next-steps.js';

const agent: Omit<NextStepInput, 'status'> = {
  canWork: true,
  isTeamWork: false,
  canClaim: false,
  canPropose: false,
  hasAnswer: false,
  hasFaqDraft: false,
};
const expert = { ...agent, isTeamWork: true, canPropose: true };
const answered = { ...expert, hasAnswer: true };

describe('web: one clear next step on an inquiry', () => {
  it('has an agent answer a new inquiry on its thread, escalating and the rest at hand', () => {
    expect(nextSteps({ ...agent, status: 'new' })).toEqual({
      primary: 'message',
      others: ['escalate', 'flag', 'close'],
    });
  });

  it('has a team member take an escalated inquiry first, then answer it', () => {
    const unclaimed = nextSteps({ ...expert, canClaim: true, status: 'escalated' });
    expect(unclaimed.primary).toBe('claim');
    expect(unclaimed.others.slice(0, 2)).toEqual(['answer', 'ask_fund']);
    const mine = nextSteps({ ...expert, status: 'in_research' });
    expect(mine).toEqual({
      primary: 'answer',
      others: ['ask_fund', 'message', 'escalate', 'flag', 'close'],
    });
  });

  it('never offers research to someone outside the team', () => {
    const steps = nextSteps({ ...agent, status: 'escalated' });
    expect(steps.primary).toBe('message');
    expect(steps.others).not.toContain('answer');
    expect(steps.others).not.toContain('ask_fund');
  });

  it('proposes an answered inquiry as an FAQ entry once, then offers to close it', () => {
    expect(nextSteps({ ...answered, status: 'answered' }).primary).toBe('propose_faq');
    const proposed = nextSteps({ ...answered, status: 'answered', hasFaqDraft: true });
    expect(proposed.primary).toBe('close');
    expect(proposed.others).toContain('propose_faq');
    expect(nextSteps({ ...agent, status: 'answered' }).primary).toBe('close');
  });

  it('offers only a flag (and an FAQ proposal) on a closed inquiry, nothing primary once proposed', () => {
    expect(nextSteps({ ...agent, status: 'closed' })).toEqual({ primary: null, others: ['flag'] });
    expect(nextSteps({ ...answered, status: 'closed' })).toEqual({
      primary: 'propose_faq',
      others: ['flag'],
    });
    expect(nextSteps({ ...answered, status: 'closed', hasFaqDraft: true }).primary).toBeNull();
  });

  it('offers no FAQ proposal before there is an answer to make it from', () => {
    expect(nextSteps({ ...expert, status: 'closed' })).toEqual({ primary: null, others: ['flag'] });
    expect(nextSteps({ ...expert, status: 'in_research' }).others).not.toContain('propose_faq');
    expect(nextSteps({ ...answered, status: 'in_research' }).others).toContain('propose_faq');
  });

  it('lists every action once, the primary apart', () => {
    for (const status of [
      'new',
      'escalated',
      'in_research',
      'waiting_partner',
      'answered',
      'callback_pending',
    ] as const) {
      const steps = nextSteps({ ...answered, canClaim: true, status });
      const all = [steps.primary, ...steps.others];
      expect(new Set(all).size).toBe(all.length);
    }
  });

  it('offers nothing to work to someone who may only read', () => {
    expect(nextSteps({ ...agent, canWork: false, status: 'escalated' })).toEqual({
      primary: null,
      others: [],
    });
  });
});
