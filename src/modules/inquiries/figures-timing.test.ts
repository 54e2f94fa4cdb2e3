import { describe, expect, it } from 'vitest';
import {
  attainmentOf,
  minutesBetween,
  nearestRank,
  responseTimes,
  serviceLevelsByTeam,
  summariseDurations,
  type TimedInquiry,
} from './figures-timing.js';

describe('median and 90th percentile of durations', () => {
  it('takes a value that occurred, by nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(sorted, 0.5)).toBe(5);
    expect(nearestRank(sorted, 0.9)).toBe(9);
    expect(nearestRank([42], 0.9)).toBe(42);
    expect(nearestRank([], 0.5)).toBeNull();
  });

  it('sorts what it is given and says how many it measured', () => {
    expect(summariseDurations([30, 10, 20])).toEqual({ count: 3, median_minutes: 20, p90_minutes: 30 });
    expect(summariseDurations([])).toEqual({ count: 0, median_minutes: null, p90_minutes: null });
  });

  it('counts whole minutes from arrival, nothing while it has not happened', () => {
    expect(minutesBetween('2020-03-18T09:00:00.000Z', '2020-03-18T10:30:20.000Z')).toBe(90);
    expect(minutesBetween('2020-03-18T09:00:00.000Z', null)).toBeNull();
  });
});

describe('service-level attainment', () => {
  it('counts the clocks whose outcome is known: met in time, met late, or already overdue', () => {
    expect(
      attainmentOf([
        { state: 'met', breached: false },
        { state: 'met', breached: true },
        { state: 'overdue', breached: true },
        { state: 'met', breached: false },
      ]),
    ).toEqual({ measured: 4, in_time: 2, rate: 0.5 });
  });

  it('leaves out clocks still running or paused within their deadline: not decided yet', () => {
    expect(
      attainmentOf([
        { state: 'on_track', breached: false },
        { state: 'due_soon', breached: false },
        { state: 'paused', breached: false },
      ]),
    ).toEqual({ measured: 0, in_time: 0, rate: null });
  });
});

const inquiry = (overrides: Partial<TimedInquiry> & { id: string }): TimedInquiry => ({
  team_id: null,
  created_at: '2020-03-18T09:00:00.000Z',
  first_answered_at: null,
  closed_at: null,
  ...overrides,
});

describe('time to first answer and to closure', () => {
  it('measures from arrival in calendar minutes, over the inquiries that got there', () => {
    const times = responseTimes([
      inquiry({
        id: 'a',
        first_answered_at: '2020-03-18T09:10:00.000Z',
        closed_at: '2020-03-18T10:00:00.000Z',
      }),
      inquiry({ id: 'b', first_answered_at: '2020-03-18T11:00:00.000Z' }),
      inquiry({ id: 'c' }),
    ]);
    expect(times.first_answer).toEqual({ count: 2, median_minutes: 10, p90_minutes: 120 });
    expect(times.closure).toEqual({ count: 1, median_minutes: 60, p90_minutes: 60 });
  });
});

describe('service levels by team', () => {
  // Wednesday 18 March 2020, office hours 08:00–17:00 Brussels (UTC+1): a 60-minute first-answer promise.
  const level = { firstAnswerMinutes: 60, resolutionMinutes: 8 * 60 };
  const calledAt = '2020-03-18T07:55:00.000Z';
  const escalatedAt = '2020-03-18T08:00:00.000Z';

  it('starts the clock when the team gets the inquiry and tells in-time from late answers', () => {
    const inquiries = [
      inquiry({
        id: 'fast',
        team_id: 'legal',
        created_at: calledAt,
        first_answered_at: '2020-03-18T08:30:00.000Z',
      }),
      inquiry({
        id: 'slow',
        team_id: 'legal',
        created_at: calledAt,
        first_answered_at: '2020-03-18T10:00:00.000Z',
      }),
      // Answered by the call center on the call: no team, no clock.
      inquiry({ id: 'desk', first_answered_at: '2020-03-18T09:01:00.000Z' }),
    ];
    const histories = new Map([
      [
        'fast',
        [
          { status: 'escalated' as const, at: escalatedAt },
          { status: 'answered' as const, at: '2020-03-18T08:30:00.000Z' },
        ],
      ],
      [
        'slow',
        [
          { status: 'escalated' as const, at: escalatedAt },
          { status: 'answered' as const, at: '2020-03-18T10:00:00.000Z' },
        ],
      ],
    ]);
    const [legal, ...others] = serviceLevelsByTeam(
      inquiries,
      histories,
      new Map([['legal', level]]),
      new Date('2020-03-18T12:00:00.000Z'),
    );
    expect(others).toEqual([]);
    expect(legal).toMatchObject({
      team_id: 'legal',
      count: 2,
      first_answer: { measured: 2, in_time: 1, rate: 0.5 },
      // Neither is closed and the day's budget is not spent: resolution is not decided yet.
      resolution: { measured: 0, in_time: 0, rate: null },
      // From the call (07:55) to the answer: 35 and 125 minutes.
      time_to_first_answer: { count: 2, median_minutes: 35, p90_minutes: 125 },
    });
  });
});
