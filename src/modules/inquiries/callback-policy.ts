// When to call back again, and when to stop calling. A person who does not pick up is tried again
// later the same day and the next working day; after the last attempt the answer goes by mail if
// we have an address, by letter otherwise, so nobody is left without the answer. Delays count in
// the call center's opening hours: an answer written on Friday at 16:30 is not due for a callback
// on Friday evening, when nobody works the pool, but on Monday morning.

import type { CallbackFallback, CallbackOutcome } from './contract.js';
import { addBusinessTime, BRUSSELS_OFFICE_CALENDAR, type BusinessCalendar } from './service-level/index.js';

export type CallbackPolicy = {
  /** Opening minutes from the expert's answer to the first call. */
  firstCallWithinMinutes: number;
  maxAttempts: number;
  /** Opening minutes to wait after each unsuccessful attempt (the last value repeats). */
  retryDelaysMinutes: readonly number[];
};

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  firstCallWithinMinutes: 120,
  maxAttempts: 3,
  // Two hours later, then a whole working day (08:00–17:00) later: the same time the next day.
  retryDelaysMinutes: [120, 9 * 60],
};

/** When the first call is due after an answer given at `answeredAt`. */
export function firstCallbackDue(
  answeredAt: Date,
  policy: CallbackPolicy = DEFAULT_CALLBACK_POLICY,
  calendar: BusinessCalendar = BRUSSELS_OFFICE_CALENDAR,
): Date {
  return addBusinessTime(answeredAt, policy.firstCallWithinMinutes, calendar);
}

export type CallbackDecision =
  | { kind: 'done' }
  | { kind: 'retry'; dueAt: Date }
  | { kind: 'give_up'; fallback: CallbackFallback };

/** What follows an attempt: `attemptsSoFar` counts this one. */
export function afterAttempt(
  outcome: CallbackOutcome,
  attemptsSoFar: number,
  now: Date,
  hasEmail: boolean,
  policy: CallbackPolicy = DEFAULT_CALLBACK_POLICY,
  calendar: BusinessCalendar = BRUSSELS_OFFICE_CALENDAR,
): CallbackDecision {
  if (outcome === 'reached') return { kind: 'done' };
  if (attemptsSoFar >= policy.maxAttempts) return { kind: 'give_up', fallback: hasEmail ? 'mail' : 'letter' };
  const delays = policy.retryDelaysMinutes;
  const delay = delays[Math.min(attemptsSoFar - 1, delays.length - 1)] ?? 60;
  return { kind: 'retry', dueAt: addBusinessTime(now, delay, calendar) };
}
