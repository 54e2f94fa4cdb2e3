import { describe, expect, it } from 'vitest';
import { CALLBACK_OUTCOMES, DELIVERIES } from '../../../../src/modules/inquiries/contract.js';
import {
  byFundAnswerThenUrgency,
  byUrgency,
  CALLBACK_OUTCOME_CHOICES,
  DELIVERY_CHOICES,
  type Deadlines,
  type DeadlineTimer,
  excerpt,
  matchesDueFilter,
  mostUrgentTimer,
  pickQueueTeam,
  splitMinutes,
  timerTone,
} from './backoffice-format.js';

const timer = (state: DeadlineTimer['state'], remaining: number, breached = false): DeadlineTimer => ({
  state,
  due_at: state === 'paused' ? null : '2025-03-03T10:00:00.000Z',
  remaining_minutes: remaining,
  paused_since: state === 'paused' ? '2025-03-03T09:00:00.000Z' : null,
  breached,
});
const clocks = (first: DeadlineTimer, resolution: DeadlineTimer): Deadlines => ({
  first_answer: first,
  resolution,
});
const item = (ref: string, deadlines: Deadlines | null, created = '2025-03-01T08:00:00.000Z') => ({
  ref,
  deadlines,
  created_at: created,
});

describe('web: service-level clocks in the back office', () => {
  it('tells business minutes as hours and minutes, late or left', () => {
    expect(splitMinutes(200)).toEqual({ hours: 3, minutes: 20 });
    expect(splitMinutes(-70)).toEqual({ hours: 1, minutes: 10 });
    expect(splitMinutes(45)).toEqual({ hours: 0, minutes: 45 });
  });

  it('shows the running clock with the least time left, else the paused one, else none', () => {
    expect(mostUrgentTimer(clocks(timer('on_track', 300), timer('overdue', -20)))?.name).toBe('resolution');
    expect(mostUrgentTimer(clocks(timer('met', 100), timer('due_soon', 40)))?.name).toBe('resolution');
    expect(mostUrgentTimer(clocks(timer('paused', 100), timer('paused', 900)))?.name).toBe('first_answer');
    expect(mostUrgentTimer(clocks(timer('met', 0), timer('met', 0)))).toBeNull();
    expect(mostUrgentTimer(null)).toBeNull();
  });

  it('sorts my work: the most overdue first, then the least time left, paused after running, none last', () => {
    const sorted = [
      item('none', null),
      item('paused', clocks(timer('paused', 30), timer('paused', 500))),
      item('on-track', clocks(timer('met', 0), timer('on_track', 600))),
      item('late', clocks(timer('overdue', -90), timer('on_track', 400))),
      item('soon', clocks(timer('due_soon', 25), timer('on_track', 400))),
      item('later', clocks(timer('overdue', -10), timer('on_track', 400))),
    ]
      .sort(byUrgency)
      .map((i) => i.ref);
    expect(sorted).toEqual(['late', 'later', 'soon', 'on-track', 'paused', 'none']);
  });

  it('keeps the oldest first when two are as urgent', () => {
    const same = clocks(timer('on_track', 100), timer('on_track', 400));
    const sorted = [
      item('new', same, '2025-03-02T08:00:00.000Z'),
      item('old', same, '2025-03-01T08:00:00.000Z'),
    ]
      .sort(byUrgency)
      .map((i) => i.ref);
    expect(sorted).toEqual(['old', 'new']);
  });

  it('filters a page on due soon (overdue included) or overdue only', () => {
    const soon = clocks(timer('due_soon', 20), timer('on_track', 400));
    const late = clocks(timer('met', 0), timer('overdue', -5));
    const calm = clocks(timer('on_track', 300), timer('on_track', 900));
    expect([soon, late, calm, null].map((d) => matchesDueFilter(d, 'due_soon'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([soon, late, calm, null].map((d) => matchesDueFilter(d, 'overdue'))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(matchesDueFilter(null, 'all')).toBe(true);
  });

  it('colours a clock by its state, a late first answer included (always beside words)', () => {
    expect(timerTone(timer('overdue', -1))).toBe('danger');
    expect(timerTone(timer('due_soon', 10))).toBe('warn');
    expect(timerTone(timer('met', 0, true))).toBe('warn');
    expect(timerTone(timer('met', 30))).toBe('ok');
  });

  it('shortens a question for a table cell, with an ellipsis', () => {
    expect(excerpt('Short\n question')).toBe('Short question');
    const long = excerpt('a'.repeat(200), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('web: the back office follows the server', () => {
  it('offers the same deliveries and call outcomes as the API accepts', () => {
    expect([...DELIVERY_CHOICES].sort()).toEqual([...DELIVERIES].sort());
    expect([...CALLBACK_OUTCOME_CHOICES].sort()).toEqual([...CALLBACK_OUTCOMES].sort());
  });
});

describe('web: what moved comes first', () => {
  const work = (ref: string, minutesLeft: number, fundAnsweredAt: string | null = null) => ({
    ref,
    deadlines: clocks(timer('met', 0), timer('on_track', minutesLeft)),
    created_at: '2025-03-01T08:00:00.000Z',
    partner_answered_at: fundAnsweredAt,
  });

  it('puts what a fund answered first in my work, the latest answer on top, then the most urgent', () => {
    const items = [
      work('Q-1', 30),
      work('Q-2', 900, '2025-03-03T09:00:00.000Z'),
      work('Q-3', 10),
      work('Q-4', 600, '2025-03-03T11:00:00.000Z'),
    ];
    expect(items.sort(byFundAnswerThenUrgency).map((i) => i.ref)).toEqual(['Q-4', 'Q-2', 'Q-3', 'Q-1']);
  });

  it('opens the team queue on a team with work, never on an empty one while another holds an escalation', () => {
    const team = (code: string, isMember: boolean, open: number) => ({
      code,
      is_member: isMember,
      open_inquiries: open,
    });
    // The expert's own team is empty; a colleague's team holds the escalation.
    expect(pickQueueTeam([team('mine', true, 0), team('other', false, 2)], null)).toBe('other');
    expect(pickQueueTeam([team('a', false, 1), team('mine', true, 3)], null)).toBe('mine');
    // The last one chosen, if it has work; an empty one chosen last gives way to one with work.
    expect(pickQueueTeam([team('mine', true, 3), team('b', false, 1)], 'b')).toBe('b');
    expect(pickQueueTeam([team('mine', true, 3), team('b', false, 0)], 'b')).toBe('mine');
    // Nothing anywhere: the last one chosen, else the person's team, else the first.
    expect(pickQueueTeam([team('a', false, 0), team('mine', true, 0)], 'a')).toBe('a');
    expect(pickQueueTeam([team('a', false, 0), team('mine', true, 0)], 'gone')).toBe('mine');
    expect(pickQueueTeam([team('a', false, 0)], null)).toBe('a');
    expect(pickQueueTeam([], null)).toBeUndefined();
  });
});
