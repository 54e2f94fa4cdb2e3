import type { Instant } from '../../platform/db/time.js';
import type { Status } from './contract.js';
import {
  BRUSSELS_OFFICE_CALENDAR,
  type DeadlineTimer,
  inquiryDeadlines,
  type ServiceLevel,
} from './service-level/index.js';

/** How long something took over many inquiries: the middle one and the one nine in ten beat. */
export type DurationSummary = { count: number; median_minutes: number | null; p90_minutes: number | null };

/** Of the inquiries whose deadline is decided, how many were in time; `rate` from 0 to 1. */
export type Attainment = { measured: number; in_time: number; rate: number | null };

/**
 * The value at or below which `share` (0 to 1) of the values lie, by the nearest-rank method: always a
 * value that occurred (a manager can find the inquiry behind a p90), never an interpolation.
 */
export function nearestRank(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Median and 90th percentile of durations in minutes; nulls when nothing was measured. */
export function summariseDurations(minutes: readonly number[]): DurationSummary {
  const sorted = [...minutes].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median_minutes: nearestRank(sorted, 0.5),
    p90_minutes: nearestRank(sorted, 0.9),
  };
}

/** Whole minutes from one instant to a later one; null while the later has not happened. */
export function minutesBetween(from: Instant, to: Instant | null): number | null {
  if (!to) return null;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
}

/**
 * Service-level attainment over many clocks. A clock counts once its outcome is known: met (in time
 * or late) or already past its deadline. One still running within its deadline, or paused before
 * it, is not decided yet and counts in neither figure: it would flatter a team with a fresh backlog.
 */
export function attainmentOf(timers: readonly Pick<DeadlineTimer, 'state' | 'breached'>[]): Attainment {
  let measured = 0;
  let inTime = 0;
  for (const timer of timers) {
    if (timer.state !== 'met' && !timer.breached) continue;
    measured += 1;
    if (!timer.breached) inTime += 1;
  }
  return { measured, in_time: inTime, rate: measured === 0 ? null : inTime / measured };
}

/** An inquiry as the figures read it: when it came in, got its first answer and was closed. */
export type TimedInquiry = {
  id: string;
  team_id: string | null;
  created_at: Instant;
  first_answered_at: Instant | null;
  closed_at: Instant | null;
};

/** Time to first answer and to closure, from the inquiry's arrival, in calendar minutes. */
export function responseTimes(inquiries: readonly TimedInquiry[]): {
  first_answer: DurationSummary;
  closure: DurationSummary;
} {
  const of = (pick: (inquiry: TimedInquiry) => Instant | null) =>
    summariseDurations(
      inquiries.flatMap((inquiry) => {
        const minutes = minutesBetween(inquiry.created_at, pick(inquiry));
        return minutes === null ? [] : [minutes];
      }),
    );
  return { first_answer: of((i) => i.first_answered_at), closure: of((i) => i.closed_at) };
}

/**
 * A team's clocks on an inquiry, as its queue shows them: they start when the inquiry reaches the
 * team (its first escalation) and count business hours of the Brussels office calendar. Null for an
 * inquiry never escalated (the call center answered it on the call).
 */
export function teamClocks(
  history: readonly { status: Status; at: Instant }[],
  serviceLevel: ServiceLevel,
  now: Date,
) {
  const reached = history.findIndex((change) => change.status === 'escalated');
  if (reached < 0) return null;
  return inquiryDeadlines({
    serviceLevel,
    createdAt: history[reached]!.at,
    history: history.slice(reached),
    now,
    calendar: BRUSSELS_OFFICE_CALENDAR,
  });
}

export type TeamServiceLevel = {
  team_id: string;
  /** Inquiries of the period the team holds. */
  count: number;
  first_answer: Attainment;
  resolution: Attainment;
  time_to_first_answer: DurationSummary;
  time_to_closure: DurationSummary;
};

/**
 * Per team, how often it kept its promise (first answer, resolution) and how long its inquiries
 * took, over the inquiries of a period it now holds. `histories`: each inquiry's status changes,
 * oldest first; `levels`: each team's promise.
 */
export function serviceLevelsByTeam(
  inquiries: readonly TimedInquiry[],
  histories: ReadonlyMap<string, readonly { status: Status; at: Instant }[]>,
  levels: ReadonlyMap<string, ServiceLevel>,
  now: Date,
): TeamServiceLevel[] {
  const byTeam = new Map<string, TimedInquiry[]>();
  for (const inquiry of inquiries) {
    if (inquiry.team_id === null || !levels.has(inquiry.team_id)) continue;
    const held = byTeam.get(inquiry.team_id);
    if (held) held.push(inquiry);
    else byTeam.set(inquiry.team_id, [inquiry]);
  }
  return [...byTeam].map(([teamId, held]) => {
    const clocks = held.flatMap((inquiry) => {
      const clock = teamClocks(histories.get(inquiry.id) ?? [], levels.get(teamId)!, now);
      return clock ? [clock] : [];
    });
    const times = responseTimes(held);
    return {
      team_id: teamId,
      count: held.length,
      first_answer: attainmentOf(clocks.map((clock) => clock.firstAnswer)),
      resolution: attainmentOf(clocks.map((clock) => clock.resolution)),
      time_to_first_answer: times.first_answer,
      time_to_closure: times.closure,
    };
  });
}
