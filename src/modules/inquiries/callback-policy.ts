// When to call back again, and when to stop calling. A person who does not pick up is tried again
// later the same day and the next; after the last attempt the answer goes by mail if we have an
// address, by letter otherwise, so nobody is left without the answer.

export const CALLBACK_OUTCOMES = ['reached', 'no_answer', 'voicemail'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export type CallbackPolicy = {
  /** Minutes from the expert's answer to the first call. */
  firstCallWithinMinutes: number;
  maxAttempts: number;
  /** Minutes to wait after each unsuccessful attempt (the last value repeats). */
  retryDelaysMinutes: readonly number[];
};

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = {
  firstCallWithinMinutes: 120,
  maxAttempts: 3,
  retryDelaysMinutes: [120, 24 * 60],
};

export type CallbackDecision =
  | { kind: 'done' }
  | { kind: 'retry'; dueAt: Date }
  | { kind: 'give_up'; fallback: 'mail' | 'letter' };

/** What follows an attempt: `attemptsSoFar` counts this one. */
export function afterAttempt(
  outcome: CallbackOutcome,
  attemptsSoFar: number,
  now: Date,
  hasEmail: boolean,
  policy: CallbackPolicy = DEFAULT_CALLBACK_POLICY,
): CallbackDecision {
  if (outcome === 'reached') return { kind: 'done' };
  if (attemptsSoFar >= policy.maxAttempts) return { kind: 'give_up', fallback: hasEmail ? 'mail' : 'letter' };
  const delays = policy.retryDelaysMinutes;
  const delay = delays[Math.min(attemptsSoFar - 1, delays.length - 1)] ?? 60;
  return { kind: 'retry', dueAt: new Date(now.getTime() + delay * 60_000) };
}
