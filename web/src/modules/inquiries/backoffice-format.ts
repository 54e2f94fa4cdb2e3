import type {
  CallbackOutcome,
  Delivery,
  FaqProposal,
  InquirySummaryView,
} from '../../../../src/modules/inquiries/contract.js';

// How the back office reads service-level clocks (which one matters now, how urgent a whole
// inquiry is, how business minutes are told) and shortens questions for tables. Plain functions,
// tested in test/web.

export type FaqAudience = NonNullable<FaqProposal['audience']>;

/** How an answer reaches the person (the server's list, in the order the expert is offered it). */
export const DELIVERY_CHOICES = ['callback', 'mail', 'letter', 'none'] as const satisfies readonly Delivery[];
export const CALLBACK_OUTCOME_CHOICES = [
  'reached',
  'no_answer',
  'voicemail',
] as const satisfies readonly CallbackOutcome[];
export const FAQ_AUDIENCES = ['internal', 'partners', 'public'] as const satisfies readonly FaqAudience[];

export type Deadlines = NonNullable<InquirySummaryView['deadlines']>;
export type DeadlineTimer = Deadlines['first_answer'];
export type TimerState = DeadlineTimer['state'];
export type TimerName = keyof Deadlines;

export const TIMER_NAMES: readonly TimerName[] = ['first_answer', 'resolution'];

/** Whole hours and minutes of a count of business minutes, sign dropped (late or left is said apart). */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const abs = Math.abs(Math.trunc(total));
  return { hours: Math.floor(abs / 60), minutes: abs % 60 };
}

const RUNNING: readonly TimerState[] = ['overdue', 'due_soon', 'on_track'];

/**
 * The clock to show when there is room for one: a running one with the least time left (an overdue
 * first answer before a resolution on track), else a paused one, else none (both met, or no team).
 */
export function mostUrgentTimer(
  deadlines: Deadlines | null,
): { name: TimerName; timer: DeadlineTimer } | null {
  if (!deadlines) return null;
  const timers = TIMER_NAMES.map((name) => ({ name, timer: deadlines[name] }));
  const running = timers
    .filter(({ timer }) => RUNNING.includes(timer.state))
    .sort((a, b) => a.timer.remaining_minutes - b.timer.remaining_minutes);
  if (running[0]) return running[0];
  return timers.find(({ timer }) => timer.state === 'paused') ?? null;
}

/**
 * Orders inquiries by urgency: running clocks first, least time left first (the most overdue on
 * top); then paused ones, by the time they will restart with; then those without a running clock.
 * Equal urgency keeps the oldest inquiry first.
 */
export function byUrgency(
  a: Pick<InquirySummaryView, 'deadlines' | 'created_at'>,
  b: Pick<InquirySummaryView, 'deadlines' | 'created_at'>,
): number {
  const rank = (item: Pick<InquirySummaryView, 'deadlines'>): [number, number] => {
    const urgent = mostUrgentTimer(item.deadlines);
    if (!urgent) return [2, 0];
    return [urgent.timer.state === 'paused' ? 1 : 0, urgent.timer.remaining_minutes];
  };
  const [groupA, leftA] = rank(a);
  const [groupB, leftB] = rank(b);
  return groupA - groupB || leftA - leftB || a.created_at.localeCompare(b.created_at);
}

/**
 * My work's order: what a fund just answered first (the most recent answer on top: the expert has
 * something new to act on), then by urgency (byUrgency).
 */
export function byFundAnswerThenUrgency(
  a: Pick<InquirySummaryView, 'deadlines' | 'created_at' | 'partner_answered_at'>,
  b: Pick<InquirySummaryView, 'deadlines' | 'created_at' | 'partner_answered_at'>,
): number {
  if (a.partner_answered_at && b.partner_answered_at)
    return b.partner_answered_at.localeCompare(a.partner_answered_at) || byUrgency(a, b);
  if (a.partner_answered_at) return -1;
  if (b.partner_answered_at) return 1;
  return byUrgency(a, b);
}

type QueueTeam = { code: string; is_member: boolean; open_inquiries: number };

/**
 * The team a queue opens on: the one chosen last time if it has work; else one of the person's
 * teams that has work, else any team that has work (a manager's, or an expert's colleagues'
 * escalation); only then the last chosen, one of the person's teams, or the first. Never an empty
 * queue while another holds inquiries.
 */
export function pickQueueTeam(teams: readonly QueueTeam[], remembered: string | null): string | undefined {
  const last = teams.find((team) => team.code === remembered);
  const hasWork = (team: QueueTeam) => team.open_inquiries > 0;
  return (
    (last && hasWork(last) ? last : undefined) ??
    teams.find((team) => team.is_member && hasWork(team)) ??
    teams.find(hasWork) ??
    last ??
    teams.find((team) => team.is_member) ??
    teams[0]
  )?.code;
}

/** The queue's deadline filter: everything, what needs attention (due soon or overdue), or overdue only. */
export type DueFilter = 'all' | 'due_soon' | 'overdue';

export function matchesDueFilter(deadlines: Deadlines | null, filter: DueFilter): boolean {
  if (filter === 'all') return true;
  if (!deadlines) return false;
  const wanted: readonly TimerState[] = filter === 'overdue' ? ['overdue'] : ['due_soon', 'overdue'];
  return TIMER_NAMES.some((name) => wanted.includes(deadlines[name].state));
}

/** The tone a state is shown in (always beside its words). */
export function timerTone(timer: DeadlineTimer): 'danger' | 'warn' | 'ok' | 'muted' | 'info' {
  switch (timer.state) {
    case 'overdue':
      return 'danger';
    case 'due_soon':
      return 'warn';
    case 'on_track':
      return 'info';
    case 'paused':
      return 'muted';
    case 'met':
      return timer.breached ? 'warn' : 'ok';
  }
}

/** The first words of a question, for a table cell (the whole text is one click away). */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The address's query as it is now. React Router hands its setter's callback the query of the last
 * render, which lags behind a change made a moment earlier (two filters changed in quick
 * succession would lose the first); the browser's location does not.
 */
export const latestSearchParams = (): URLSearchParams =>
  new URLSearchParams(globalThis.location?.search ?? '');
