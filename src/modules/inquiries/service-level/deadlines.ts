import type { Instant } from '../../../platform/db/time.js';
import { addBusinessMillis, type BusinessCalendar, businessMillisBetween } from './business-calendar.js';
import { DEFAULT_DUE_SOON_RULE, type DueSoonRule, dueSoonThresholdMinutes } from './due-soon.js';
import {
  FIRST_ANSWER_STATUSES,
  type InquiryStatus,
  PAUSING_STATUSES,
  RESOLVED_STATUS,
} from './inquiry-clock-statuses.js';
import {
  epochMsOf,
  type StatusChange,
  type StatusSpan,
  statusTimeline,
  trailingRunStart,
} from './status-timeline.js';

/** A team's promise, in business minutes of its calendar: e.g. first answer in 480, resolution in 2400. */
export type ServiceLevel = { firstAnswerMinutes: number; resolutionMinutes: number };

/**
 * - `met`: done (first answer given, inquiry closed); see `breached` for whether it was in time.
 * - `on_track`, `due_soon`, `overdue`: the clock runs; overdue once the deadline has passed.
 * - `paused`: the clock stands still (see PAUSING_STATUSES).
 */
export type TimerState = 'met' | 'on_track' | 'due_soon' | 'overdue' | 'paused';

export type DeadlineTimer = {
  state: TimerState;
  budgetMinutes: number;
  /** Whole business minutes the clock has run. */
  usedMinutes: number;
  /** Budget minus used: negative past the deadline. While paused, what the clock restarts with. */
  remainingMinutes: number;
  /**
   * When the budget runs out. Once it has, the instant it did (even if the clock has stopped since); while
   * the clock runs, the current deadline; once met, the deadline that applied when the clock last ran. Null
   * while paused in time, as the deadline moves by the length of the pause.
   */
  dueAt: Instant | null;
  /** When the first answer was given or the inquiry closed (the latest closing, after a reopening). */
  completedAt: Instant | null;
  /** When the current pause began. */
  pausedSince: Instant | null;
  /** The deadline passed before it was met: late, or overdue now. */
  breached: boolean;
};

export type InquiryDeadlines = { firstAnswer: DeadlineTimer; resolution: DeadlineTimer };

export type InquiryClockInput = {
  serviceLevel: ServiceLevel;
  createdAt: Date | Instant;
  /** Every status the inquiry entered, with when; the creation itself (as `new`) may be left out. */
  history: readonly StatusChange[];
  /** The instant to read the clocks at: passed in, so the same inputs always give the same answer. */
  now: Date | Instant;
  calendar: BusinessCalendar;
};

export type InquiryClockOptions = {
  /** Statuses that stop both clocks; PAUSING_STATUSES unless given. */
  pausingStatuses?: Iterable<InquiryStatus>;
  dueSoon?: DueSoonRule;
};

const MINUTE_MS = 60_000;

/** How far one clock got over a timeline: the business time it ran and when its budget ran out. */
type ClockReading = {
  usedMs: number;
  /** When the budget ran out while the clock was running, or null when it has not. */
  exhaustedAt: number | null;
  /** The deadline computed when the clock last started running. */
  lastDeadline: number | null;
  runningAtEnd: boolean;
  stoppedSince: number | null;
};

function readClock(
  spans: readonly StatusSpan[],
  runsIn: (status: InquiryStatus) => boolean,
  budgetMinutes: number,
  calendar: BusinessCalendar,
): ClockReading {
  const budgetMs = budgetMinutes * MINUTE_MS;
  let usedMs = 0;
  let exhaustedAt: number | null = null;
  let lastDeadline: number | null = null;
  for (const span of spans) {
    if (!runsIn(span.status)) continue;
    if (exhaustedAt === null) {
      // Each time the clock starts, the deadline is what is left of the budget counted from then.
      lastDeadline = addBusinessMillis(span.from, Math.max(0, budgetMs - usedMs), calendar);
      // Reaching the deadline exactly at the end of the span (answered at 17:00 sharp) is still in time.
      if (lastDeadline < span.to) exhaustedAt = lastDeadline;
    }
    usedMs += businessMillisBetween(span.from, span.to, calendar);
  }
  const last = spans.at(-1);
  return {
    usedMs,
    exhaustedAt,
    lastDeadline,
    runningAtEnd: last !== undefined && runsIn(last.status),
    stoppedSince: trailingRunStart(spans, (status) => !runsIn(status)),
  };
}

const instantOf = (epochMs: number | null): Instant | null =>
  epochMs === null ? null : new Date(epochMs).toISOString();

function stateOf(
  reading: ClockReading,
  completed: boolean,
  remainingMs: number,
  dueSoonMs: number,
): TimerState {
  if (completed) return 'met';
  if (!reading.runningAtEnd) return 'paused';
  // Compared in real time, not in business minutes: a deadline of Friday 17:00 is overdue at 17:30 although
  // no business minute has passed since.
  if (reading.exhaustedAt !== null) return 'overdue';
  return remainingMs < dueSoonMs ? 'due_soon' : 'on_track';
}

function timerOf(
  reading: ClockReading,
  budgetMinutes: number,
  completedAt: number | null,
  dueSoon: DueSoonRule,
): DeadlineTimer {
  const usedMinutes = Math.floor(reading.usedMs / MINUTE_MS);
  const remainingMs = budgetMinutes * MINUTE_MS - reading.usedMs;
  const state = stateOf(
    reading,
    completedAt !== null,
    remainingMs,
    dueSoonThresholdMinutes(budgetMinutes, dueSoon) * MINUTE_MS,
  );
  return {
    state,
    budgetMinutes,
    usedMinutes,
    remainingMinutes: budgetMinutes - usedMinutes,
    dueAt: instantOf(reading.exhaustedAt ?? (state === 'paused' ? null : reading.lastDeadline)),
    completedAt: instantOf(completedAt),
    pausedSince: instantOf(state === 'paused' ? reading.stoppedSince : null),
    breached: reading.exhaustedAt !== null,
  };
}

function checkBudget(minutes: number, field: keyof ServiceLevel): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`${field} must be zero or more business minutes, not ${minutes}`);
  return minutes;
}

/**
 * The first-answer and resolution deadlines of an inquiry as they stand at `now`.
 * Both clocks start at the creation and run only in the calendar's opening hours, standing still while the
 * inquiry is in a pausing status. The first-answer clock stops for good on the first entry into a
 * FIRST_ANSWER_STATUSES status; the resolution clock stops while the inquiry is closed and picks up where it
 * left off if it is reopened.
 */
export function inquiryDeadlines(
  input: InquiryClockInput,
  options: InquiryClockOptions = {},
): InquiryDeadlines {
  const pausing = new Set(options.pausingStatuses ?? PAUSING_STATUSES);
  const dueSoon = options.dueSoon ?? DEFAULT_DUE_SOON_RULE;
  const createdAt = epochMsOf(input.createdAt, 'createdAt');
  const now = Math.max(epochMsOf(input.now, 'now'), createdAt);
  const spans = statusTimeline(createdAt, input.history, now);
  const { calendar, serviceLevel } = input;

  const firstAnswerIndex = spans.findIndex((span) => FIRST_ANSWER_STATUSES.has(span.status));
  const beforeFirstAnswer = firstAnswerIndex === -1 ? spans : spans.slice(0, firstAnswerIndex);
  const firstAnswerBudget = checkBudget(serviceLevel.firstAnswerMinutes, 'firstAnswerMinutes');
  const firstAnswer = timerOf(
    readClock(beforeFirstAnswer, (status) => !pausing.has(status), firstAnswerBudget, calendar),
    firstAnswerBudget,
    firstAnswerIndex === -1 ? null : spans[firstAnswerIndex]!.from,
    dueSoon,
  );

  const resolutionBudget = checkBudget(serviceLevel.resolutionMinutes, 'resolutionMinutes');
  const isResolved = (status: InquiryStatus) => status === RESOLVED_STATUS;
  const resolution = timerOf(
    readClock(spans, (status) => !pausing.has(status) && !isResolved(status), resolutionBudget, calendar),
    resolutionBudget,
    trailingRunStart(spans, isResolved),
    dueSoon,
  );

  return { firstAnswer, resolution };
}
