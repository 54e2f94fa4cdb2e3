import {
  type AgreementClauses,
  type AgreementDay,
  type AgreementRequest,
  type Regime,
  WEEKDAYS,
  type Weekday,
} from '../../../../src/modules/telework/contract.js';

// The request form's rules, kept pure so the running sum the form shows and the request it sends
// are tested without a browser. The server checks everything again (caps, overlaps, clauses).

/** What a weekday of the picker holds: no telework, the whole day, or half of it. */
export type DayChoice = 'none' | 'day' | 'am' | 'pm';
export const DAY_CHOICES: readonly DayChoice[] = ['none', 'day', 'am', 'pm'];

export const CLAUSES = ['place', 'reachable', 'equipment', 'costs', 'followUp', 'ending'] as const;
/** The clauses a written agreement must hold beyond the place and reachability (CCT 85, art. 6). */
export const WRITTEN_CLAUSES = ['equipment', 'costs', 'followUp', 'ending'] as const;
export type WrittenClause = (typeof WRITTEN_CLAUSES)[number];

export type AgreementForm = {
  regime: Regime;
  /** A NumberInput's value: a number, or '' while empty. */
  daysPerWeek: number | string;
  weekdays: Record<Weekday, DayChoice>;
  monthlyDays: number | string;
  startDate: string;
  /** '' for an agreement of indefinite duration. */
  endDate: string;
  place: string;
  reachableFrom: string;
  reachableTo: string;
  equipment: string;
  costs: string;
  followUp: string;
  ending: string;
  motivation: string;
};

/** Structural and mixed agreements fix weekdays and are signed by both parties. */
export const isWritten = (regime: Regime): boolean => regime !== 'occasional';
/** Occasional and mixed agreements carry a number of days a month, asked for case by case. */
export const hasMonthlyDays = (regime: Regime): boolean => regime !== 'structural';

/** Days a weekday's choice counts for: 1 for the whole day, ½ for a morning or an afternoon. */
export const choiceDays = (choice: DayChoice): number => (choice === 'none' ? 0 : choice === 'day' ? 1 : 0.5);

/** The days the picker adds up to, the running sum shown beside "days a week". */
export const weekdaySum = (weekdays: Record<Weekday, DayChoice>): number =>
  WEEKDAYS.reduce((sum, day) => sum + choiceDays(weekdays[day]), 0);

/** Whether the picker's days match the days a week asked (false while the number is empty). */
export const isSumMatching = (form: Pick<AgreementForm, 'daysPerWeek' | 'weekdays'>): boolean =>
  typeof form.daysPerWeek === 'number' && weekdaySum(form.weekdays) === form.daysPerWeek;

const addDays = (day: string, n: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
};

const firstOfMonth = (day: string, monthsAhead: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsAhead, 1))
    .toISOString()
    .slice(0, 10);
};

/** The first of a month at least two weeks after `today`: time for the manager to decide and sign. */
export function suggestedStart(today: string): string {
  const next = firstOfMonth(today, 1);
  return next >= addDays(today, 14) ? next : firstOfMonth(today, 2);
}

/**
 * A fresh form: one structural day on no weekday yet, reachability 09:00–16:00 (the usual core
 * hours), and the clauses' suggested texts in the reader's language (`suggest`).
 */
export function emptyForm(today: string, suggest: (clause: WrittenClause) => string): AgreementForm {
  return {
    regime: 'structural',
    daysPerWeek: 1,
    weekdays: { mon: 'none', tue: 'none', wed: 'none', thu: 'none', fri: 'none' },
    monthlyDays: '',
    startDate: suggestedStart(today),
    endDate: '',
    place: '',
    reachableFrom: '09:00',
    reachableTo: '16:00',
    equipment: suggest('equipment'),
    costs: suggest('costs'),
    followUp: suggest('followUp'),
    ending: suggest('ending'),
    motivation: '',
  };
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
const number = (value: number | string): number | undefined =>
  typeof value === 'number' ? value : value.trim() === '' ? undefined : Number(value);

/**
 * The request the form sends: only the fields its regime has (the server refuses the others), blank
 * optional texts left out so the server names what is missing beside its input.
 */
export function requestFromForm(form: AgreementForm): AgreementRequest {
  const weekdays: AgreementDay[] = WEEKDAYS.flatMap((day) => {
    const part = form.weekdays[day];
    return part === 'none' ? [] : [{ day, part }];
  });
  const clauses: AgreementClauses = {
    place: form.place.trim(),
    reachableFrom: form.reachableFrom,
    reachableTo: form.reachableTo,
  };
  if (isWritten(form.regime)) {
    for (const clause of WRITTEN_CLAUSES) {
      const value = text(form[clause]);
      if (value !== undefined) clauses[clause] = value;
    }
  }
  const request: AgreementRequest = { regime: form.regime, startDate: form.startDate, clauses };
  if (isWritten(form.regime)) {
    const days = number(form.daysPerWeek);
    if (days !== undefined) request.daysPerWeek = days;
    request.weekdays = weekdays;
  }
  if (hasMonthlyDays(form.regime)) {
    const days = number(form.monthlyDays);
    if (days !== undefined) request.monthlyDays = days;
  }
  const end = text(form.endDate);
  if (end !== undefined) request.endDate = end;
  const motivation = text(form.motivation);
  if (motivation !== undefined) request.motivation = motivation;
  return request;
}

/** The form's inputs in reading order: the first one with an error gets the focus. */
export const FORM_FIELDS = [
  'regime',
  'daysPerWeek',
  'weekdays',
  'monthlyDays',
  'startDate',
  'endDate',
  'clauses.place',
  'clauses.reachableFrom',
  'clauses.reachableTo',
  'clauses.equipment',
  'clauses.costs',
  'clauses.followUp',
  'clauses.ending',
  'motivation',
] as const;

/** The first of the form's fields named among `withErrors`, in reading order (null: none). */
export const firstErrorField = (withErrors: readonly string[]): string | null =>
  FORM_FIELDS.find((field) => withErrors.includes(field)) ?? null;
