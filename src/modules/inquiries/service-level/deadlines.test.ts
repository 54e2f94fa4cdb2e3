import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRUSSELS_OFFICE_CALENDAR as calendar } from './business-calendar.js';
import { type InquiryClockInput, inquiryDeadlines } from './deadlines.js';
import type { StatusChange } from './status-timeline.js';

// Local Brussels readings with their offset written out (+01:00 in winter, +02:00 in summer), so every
// expected instant below is worked out by hand, not by the code under test. The week of Monday 1 March 2021
// has no holiday; the office opens 08:00–17:00.
const brussels = (local: string, offset = '+01:00') => new Date(`${local}${offset}`).toISOString();
const MONDAY_0900 = brussels('2021-03-01T09:00');
const TEAM = { firstAnswerMinutes: 8 * 60, resolutionMinutes: 40 * 60 };

const read = (
  history: StatusChange[],
  now: string,
  overrides: Partial<InquiryClockInput> = {},
  options?: Parameters<typeof inquiryDeadlines>[1],
) =>
  inquiryDeadlines(
    { serviceLevel: TEAM, createdAt: MONDAY_0900, history, now, calendar, ...overrides },
    options,
  );
const change = (status: StatusChange['status'], local: string, offset?: string): StatusChange => ({
  status,
  at: brussels(local, offset),
});

describe('a running clock', () => {
  it('counts business time from the creation and gives each deadline', () => {
    const { firstAnswer, resolution } = read([], brussels('2021-03-01T12:00'));
    expect(firstAnswer).toEqual({
      state: 'on_track',
      budgetMinutes: 480,
      usedMinutes: 180,
      remainingMinutes: 300,
      dueAt: brussels('2021-03-01T17:00'),
      completedAt: null,
      pausedSince: null,
      breached: false,
    });
    // 40 h from Monday 09:00: Monday 8 h, Tuesday to Thursday 27 h, Friday 08:00 + 5 h.
    expect(resolution).toMatchObject({
      state: 'on_track',
      usedMinutes: 180,
      remainingMinutes: 2220,
      dueAt: brussels('2021-03-05T13:00'),
    });
  });

  it('turns due soon when less than a fifth of the budget is left (96 of 480 minutes)', () => {
    expect(read([], brussels('2021-03-01T15:24')).firstAnswer.state).toBe('on_track');
    expect(read([], brussels('2021-03-01T15:25')).firstAnswer).toMatchObject({
      state: 'due_soon',
      remainingMinutes: 95,
    });
    // The 40-hour resolution warns a working day ahead: 480 minutes left on Thursday at 14:00 (Monday 8 h,
    // Tuesday and Wednesday 18 h, Thursday 6 h used), due soon a minute later.
    expect(read([], brussels('2021-03-04T14:00')).resolution.state).toBe('on_track');
    expect(read([], brussels('2021-03-04T14:01')).resolution).toMatchObject({
      state: 'due_soon',
      remainingMinutes: 479,
    });
  });

  it('is overdue once the deadline has passed, even when no business minute has passed since', () => {
    expect(read([], brussels('2021-03-01T17:00')).firstAnswer.state).toBe('due_soon');
    expect(read([], brussels('2021-03-01T17:30')).firstAnswer).toMatchObject({
      state: 'overdue',
      usedMinutes: 480,
      remainingMinutes: 0,
      dueAt: brussels('2021-03-01T17:00'),
      breached: true,
    });
    expect(read([], brussels('2021-03-02T08:30')).firstAnswer).toMatchObject({
      state: 'overdue',
      usedMinutes: 510,
      remainingMinutes: -30,
    });
  });

  it('starts an inquiry sent on Saturday on Monday at opening', () => {
    const { firstAnswer } = read([], brussels('2021-03-08T08:30'), {
      createdAt: brussels('2021-03-06T10:00'),
    });
    expect(firstAnswer).toMatchObject({
      state: 'on_track',
      usedMinutes: 30,
      dueAt: brussels('2021-03-08T16:00'),
    });
  });

  it('counts Brussels hours across the spring clock change', () => {
    const quick = { firstAnswerMinutes: 120, resolutionMinutes: 2400 };
    const friday1600 = brussels('2020-03-27T16:00');
    const at = (mondayLocal: string) =>
      read([], brussels(mondayLocal, '+02:00'), { serviceLevel: quick, createdAt: friday1600 }).firstAnswer;
    // Friday 16:00 + 2 h = Monday 09:00 summer time (07:00 UTC); a fifth of 120 minutes is 24.
    expect(at('2020-03-30T08:30')).toMatchObject({
      state: 'on_track',
      usedMinutes: 90,
      dueAt: '2020-03-30T07:00:00.000Z',
    });
    expect(at('2020-03-30T08:40')).toMatchObject({ state: 'due_soon', remainingMinutes: 20 });
    expect(at('2020-03-30T09:01')).toMatchObject({ state: 'overdue', remainingMinutes: -1 });
  });
});

describe('the first answer', () => {
  it('is met on the first answer, in time or late', () => {
    const inTime = read([change('answered', '2021-03-01T14:00')], brussels('2021-03-02T10:00')).firstAnswer;
    expect(inTime).toEqual({
      state: 'met',
      budgetMinutes: 480,
      usedMinutes: 300,
      remainingMinutes: 180,
      dueAt: brussels('2021-03-01T17:00'),
      completedAt: brussels('2021-03-01T14:00'),
      pausedSince: null,
      breached: false,
    });
    const late = read([change('answered', '2021-03-02T10:00')], brussels('2021-03-02T11:00')).firstAnswer;
    expect(late).toMatchObject({ state: 'met', usedMinutes: 600, remainingMinutes: -120, breached: true });
  });

  it('counts an answer at the deadline itself as in time, and half an hour after closing as late', () => {
    const atDeadline = read(
      [change('answered', '2021-03-01T17:00')],
      brussels('2021-03-02T12:00'),
    ).firstAnswer;
    expect(atDeadline).toMatchObject({ state: 'met', usedMinutes: 480, breached: false });
    const evening = read([change('answered', '2021-03-01T17:30')], brussels('2021-03-02T12:00')).firstAnswer;
    expect(evening).toMatchObject({ state: 'met', usedMinutes: 480, breached: true });
  });

  it('is not given by a pending call-back, which keeps the clock running', () => {
    const { firstAnswer } = read(
      [change('callback_pending', '2021-03-01T09:30')],
      brussels('2021-03-01T15:30'),
    );
    expect(firstAnswer).toMatchObject({ state: 'due_soon', usedMinutes: 390, completedAt: null });
  });

  it('is given by closing without an answer, and stays given after a reopening', () => {
    const closed = read([change('closed', '2021-03-01T11:00')], brussels('2021-03-01T12:00'));
    expect(closed.firstAnswer).toMatchObject({
      state: 'met',
      usedMinutes: 120,
      completedAt: brussels('2021-03-01T11:00'),
    });
    const reopened = read(
      [change('closed', '2021-03-01T11:00'), change('in_research', '2021-03-03T09:00')],
      brussels('2021-03-03T10:00'),
    );
    expect(reopened.firstAnswer).toMatchObject({ state: 'met', completedAt: brussels('2021-03-01T11:00') });
  });

  it('counts an inquiry recorded as answered at its creation (a call answered on the spot) as met at once', () => {
    const { firstAnswer, resolution } = read(
      [change('answered', '2021-03-01T09:00')],
      brussels('2021-03-01T12:00'),
    );
    expect(firstAnswer).toMatchObject({ state: 'met', usedMinutes: 0, breached: false });
    expect(resolution).toMatchObject({ state: 'paused', usedMinutes: 0, pausedSince: MONDAY_0900 });
  });
});

describe('pauses', () => {
  const history = [
    change('escalated', '2021-03-01T10:00'),
    change('waiting_partner', '2021-03-01T11:00'),
    change('in_research', '2021-03-03T11:00'),
  ];

  it('stop both clocks while a partner fund is asked, keeping what is left', () => {
    const { firstAnswer, resolution } = read(history, brussels('2021-03-02T12:00'));
    for (const timer of [firstAnswer, resolution]) {
      expect(timer).toMatchObject({
        state: 'paused',
        usedMinutes: 120,
        dueAt: null,
        pausedSince: brussels('2021-03-01T11:00'),
        breached: false,
      });
    }
    expect(firstAnswer.remainingMinutes).toBe(360);
    expect(resolution.remainingMinutes).toBe(2280);
  });

  it('move the deadlines by the length of the pause when the clock restarts', () => {
    const { firstAnswer, resolution } = read(history, brussels('2021-03-03T12:00'));
    // 6 h left at Wednesday 11:00 → Wednesday 17:00.
    expect(firstAnswer).toMatchObject({
      state: 'on_track',
      usedMinutes: 180,
      dueAt: brussels('2021-03-03T17:00'),
    });
    // 38 h left at Wednesday 11:00: Wednesday 6, Thursday 9, Friday 9, Monday 9, Tuesday 9 March 08:00 + 5.
    expect(resolution).toMatchObject({
      state: 'on_track',
      usedMinutes: 180,
      dueAt: brussels('2021-03-09T13:00'),
    });
  });

  it('keep a clock that ran out before the pause overdue since its deadline', () => {
    const waitingLate = [change('waiting_partner', '2021-03-02T10:00')];
    expect(read(waitingLate, brussels('2021-03-03T12:00')).firstAnswer).toMatchObject({
      state: 'paused',
      usedMinutes: 600,
      remainingMinutes: -120,
      dueAt: brussels('2021-03-01T17:00'),
      pausedSince: brussels('2021-03-02T10:00'),
      breached: true,
    });
    const resumed = [...waitingLate, change('in_research', '2021-03-03T10:00')];
    expect(read(resumed, brussels('2021-03-03T12:00')).firstAnswer).toMatchObject({
      state: 'overdue',
      usedMinutes: 720,
      dueAt: brussels('2021-03-01T17:00'),
    });
  });

  it('make a clock paused with nothing left overdue from the moment it restarts', () => {
    const pausedAtDeadline = [
      change('waiting_partner', '2021-03-01T17:00'),
      change('in_research', '2021-03-02T09:00'),
    ];
    expect(read(pausedAtDeadline, brussels('2021-03-02T08:30')).firstAnswer).toMatchObject({
      state: 'paused',
      remainingMinutes: 0,
      breached: false,
    });
    expect(read(pausedAtDeadline, brussels('2021-03-02T09:30')).firstAnswer).toMatchObject({
      state: 'overdue',
      dueAt: brussels('2021-03-02T09:00'),
      breached: true,
    });
  });

  it('include waiting on the person once answered, so an answered inquiry left open does not run late', () => {
    const answered = [change('answered', '2021-03-01T10:00')];
    expect(read(answered, brussels('2021-03-05T14:00')).resolution).toMatchObject({
      state: 'paused',
      usedMinutes: 60,
      remainingMinutes: 2340,
      pausedSince: brussels('2021-03-01T10:00'),
    });
    // A team that pauses only for partner funds: Monday 8 h + 27 h + Friday 6 h = 41 h, an hour late.
    expect(
      read(answered, brussels('2021-03-05T14:00'), {}, { pausingStatuses: ['waiting_partner'] }).resolution,
    ).toMatchObject({
      state: 'overdue',
      usedMinutes: 2460,
      remainingMinutes: -60,
      dueAt: brussels('2021-03-05T13:00'),
    });
  });
});

describe('the resolution', () => {
  it('is met on closing', () => {
    const history = [change('answered', '2021-03-01T10:00'), change('closed', '2021-03-05T10:00')];
    expect(read(history, brussels('2021-03-05T12:00')).resolution).toEqual({
      state: 'met',
      budgetMinutes: 2400,
      usedMinutes: 60,
      remainingMinutes: 2340,
      dueAt: brussels('2021-03-05T13:00'),
      completedAt: brussels('2021-03-05T10:00'),
      pausedSince: null,
      breached: false,
    });
    const runningWhileAnswered = read(
      history,
      brussels('2021-03-05T12:00'),
      {},
      { pausingStatuses: ['waiting_partner'] },
    );
    expect(runningWhileAnswered.resolution).toMatchObject({
      state: 'met',
      usedMinutes: 2220,
      breached: false,
    });
  });

  it('restarts where it stopped when the inquiry is reopened, and ends at the latest closing', () => {
    const reopened = [change('closed', '2021-03-01T11:00'), change('in_research', '2021-03-03T09:00')];
    // 38 h left at Wednesday 09:00: Wednesday 8, Thursday 9, Friday 9, Monday 9, Tuesday 08:00 + 3.
    expect(read(reopened, brussels('2021-03-03T10:00')).resolution).toMatchObject({
      state: 'on_track',
      usedMinutes: 180,
      completedAt: null,
      dueAt: brussels('2021-03-09T11:00'),
    });
    const closedAgain = [...reopened, change('closed', '2021-03-04T10:00')];
    expect(read(closedAgain, brussels('2021-03-04T12:00')).resolution).toMatchObject({
      state: 'met',
      usedMinutes: 120 + 480 + 120,
      completedAt: brussels('2021-03-04T10:00'),
    });
  });
});

describe('inputs', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the history as of now: later changes do not count yet', () => {
    const { firstAnswer } = read([change('answered', '2021-03-02T10:00')], brussels('2021-03-01T12:00'));
    expect(firstAnswer).toMatchObject({ state: 'on_track', usedMinutes: 180, completedAt: null });
  });

  it('gives the same answer whether the history is sorted, starts with new, or not', () => {
    const now = brussels('2021-03-03T12:00');
    const sorted = read(
      [change('waiting_partner', '2021-03-01T11:00'), change('in_research', '2021-03-03T11:00')],
      now,
    );
    const shuffled = read(
      [change('in_research', '2021-03-03T11:00'), change('waiting_partner', '2021-03-01T11:00')],
      now,
    );
    const withNew = read(
      [
        change('new', '2021-03-01T09:00'),
        change('waiting_partner', '2021-03-01T11:00'),
        change('in_research', '2021-03-03T11:00'),
      ],
      now,
    );
    expect(shuffled).toEqual(sorted);
    expect(withNew).toEqual(sorted);
  });

  it('depends on now alone, never on the machine clock', () => {
    const now = brussels('2021-03-01T12:00');
    const before = read([], now);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2035-06-01T00:00:00Z'));
    expect(read([], now)).toEqual(before);
  });

  it('takes Date objects as well as ISO instants', () => {
    const asDates = inquiryDeadlines({
      serviceLevel: TEAM,
      createdAt: new Date(MONDAY_0900),
      history: [{ status: 'answered', at: new Date(brussels('2021-03-01T14:00')) }],
      now: new Date(brussels('2021-03-02T10:00')),
      calendar,
    });
    expect(asDates).toEqual(read([change('answered', '2021-03-01T14:00')], brussels('2021-03-02T10:00')));
  });

  it('reads a now before the creation as the creation itself', () => {
    expect(read([], brussels('2021-03-01T08:00')).firstAnswer).toMatchObject({
      state: 'on_track',
      usedMinutes: 0,
      dueAt: brussels('2021-03-01T17:00'),
    });
  });

  it('follows another due-soon rule when given one', () => {
    const now = brussels('2021-03-01T13:30'); // 210 of 480 minutes left
    expect(read([], now).firstAnswer.state).toBe('on_track');
    expect(read([], now, {}, { dueSoon: { shareOfBudget: 0.5, atMostMinutes: 600 } }).firstAnswer.state).toBe(
      'due_soon',
    );
  });

  it('refuses negative budgets and unreadable instants', () => {
    expect(() =>
      read([], MONDAY_0900, { serviceLevel: { firstAnswerMinutes: -1, resolutionMinutes: 60 } }),
    ).toThrow(/firstAnswerMinutes/);
    expect(() =>
      read([], MONDAY_0900, { serviceLevel: { firstAnswerMinutes: 60, resolutionMinutes: Number.NaN } }),
    ).toThrow(/resolutionMinutes/);
    expect(() => read([], 'soon')).toThrow(/now/);
  });
});
