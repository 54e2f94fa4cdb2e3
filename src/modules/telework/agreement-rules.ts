import type { FieldError } from '../../platform/errors.js';
import type { AgreementDay, AgreementRequest, Policy, Regime } from './contract.js';

// What an agreement may ask for: the caps of the rules (GLOSSARY: 3 days a week for a full-time
// job, prorated to the occupation, rounded down to the half day; or a monthly cap) and the shape
// each regime requires. Pure: the service reads the person, the policy and their other agreements.

/** Rounded down to the half day; the epsilon keeps 3 × 0.9 = 2.7 from reading as 2.6999…. */
export const floorToHalfDay = (days: number): number => Math.floor(days * 2 + 1e-9) / 2;

/** A month counts as four weeks when a weekly cap or structural days are turned into monthly days. */
export const WEEKS_A_MONTH = 4;

export type Caps = { weeklyCapDays: number; monthlyCapDays: number };

/** The person's caps: the policy's full-time figures prorated to the occupation (80% of 3 = 2). */
export function capsFor(
  policy: Pick<Policy, 'weeklyCapDays' | 'monthlyCapDays'>,
  occupationPct: number,
): Caps {
  const share = occupationPct / 100;
  const monthlyFullTime = policy.monthlyCapDays ?? policy.weeklyCapDays * WEEKS_A_MONTH;
  return {
    weeklyCapDays: floorToHalfDay(policy.weeklyCapDays * share),
    monthlyCapDays: floorToHalfDay(monthlyFullTime * share),
  };
}

export const hasStructuralDays = (regime: Regime): boolean => regime !== 'occasional';
export const hasOccasionalDays = (regime: Regime): boolean => regime !== 'structural';
/** Structural telework needs a prior written agreement, signed by both parties (CCT 85). */
export const isWritten = hasStructuralDays;

const DAY_PART_WEIGHT = { day: 1, am: 0.5, pm: 0.5 } as const;
/** The days a list of weekdays adds up to (a morning is half a day). */
export const daysOf = (weekdays: readonly AgreementDay[]): number =>
  weekdays.reduce((sum, d) => sum + DAY_PART_WEIGHT[d.part], 0);

/** Telework days a month an agreement allows: its structural days over four weeks, plus its occasional days. */
export const monthlyDaysOf = (a: { daysPerWeek?: number | null; monthlyDays?: number | null }): number =>
  (a.daysPerWeek ?? 0) * WEEKS_A_MONTH + (a.monthlyDays ?? 0);

/** Whether two periods share a day; a null end runs for ever. */
export const periodsOverlap = (
  a: { startDate: string; endDate: string | null },
  b: { startDate: string; endDate: string | null },
): boolean =>
  (a.endDate === null || b.startDate <= a.endDate) && (b.endDate === null || a.startDate <= b.endDate);

export type RequestContext = {
  caps: Caps;
  /** Why the person may not telework, as a code; null when they may. */
  ineligibleReason: string | null;
  /** The person's other agreements still alive (requested, awaiting or approved). */
  others: readonly { id: string; startDate: string; endDate: string | null }[];
  today: string;
};

/** Every problem of a request, each naming its field; empty when it may be filed. */
export function requestProblems(request: AgreementRequest, context: RequestContext): FieldError[] {
  if (context.ineligibleReason) return [{ field: 'regime', code: context.ineligibleReason }];
  const shape = shapeProblems(request);
  return [
    // Caps are counted on a well-formed request only: a stray field would be counted twice.
    ...(shape.length ? shape : capProblems(request, context.caps)),
    ...periodProblems(request, context),
    ...clauseProblems(request),
  ];
}

function shapeProblems(r: AgreementRequest): FieldError[] {
  const problems: FieldError[] = [];
  const absent = (field: 'daysPerWeek' | 'weekdays' | 'monthlyDays') =>
    problems.push({ field, code: 'telework.agreement.not_for_regime', params: { regime: r.regime } });
  const required = (field: 'daysPerWeek' | 'weekdays' | 'monthlyDays') =>
    problems.push({ field, code: 'validation.required' });
  if (hasStructuralDays(r.regime)) {
    if (r.daysPerWeek === undefined) required('daysPerWeek');
    else if (!Number.isInteger(r.daysPerWeek * 2))
      problems.push({
        field: 'daysPerWeek',
        code: 'telework.agreement.half_days_only',
        params: { days: r.daysPerWeek },
      });
    if (!r.weekdays?.length) required('weekdays');
    else problems.push(...weekdayProblems(r.weekdays, r.daysPerWeek));
  } else {
    if (r.daysPerWeek !== undefined) absent('daysPerWeek');
    if (r.weekdays?.length) absent('weekdays');
  }
  if (hasOccasionalDays(r.regime)) {
    if (r.monthlyDays === undefined) required('monthlyDays');
    else if (!Number.isInteger(r.monthlyDays * 2))
      problems.push({
        field: 'monthlyDays',
        code: 'telework.agreement.half_days_only',
        params: { days: r.monthlyDays },
      });
  } else if (r.monthlyDays !== undefined) absent('monthlyDays');
  return problems;
}

function weekdayProblems(weekdays: readonly AgreementDay[], daysPerWeek: number | undefined): FieldError[] {
  const seen = new Set<string>();
  for (const [index, d] of weekdays.entries()) {
    if (seen.has(d.day))
      return [
        { field: `weekdays.${index}.day`, code: 'telework.agreement.weekday_twice', params: { day: d.day } },
      ];
    seen.add(d.day);
  }
  const sum = daysOf(weekdays);
  if (daysPerWeek !== undefined && sum !== daysPerWeek)
    return [
      { field: 'weekdays', code: 'telework.agreement.weekdays_mismatch', params: { days: daysPerWeek, sum } },
    ];
  return [];
}

function capProblems(r: AgreementRequest, caps: Caps): FieldError[] {
  if (r.daysPerWeek !== undefined && r.daysPerWeek > caps.weeklyCapDays)
    return [
      {
        field: 'daysPerWeek',
        code: 'telework.agreement.above_weekly_cap',
        params: { days: r.daysPerWeek, cap: caps.weeklyCapDays },
      },
    ];
  const monthly = monthlyDaysOf(r);
  if (monthly > caps.monthlyCapDays)
    return [
      {
        field: hasOccasionalDays(r.regime) ? 'monthlyDays' : 'daysPerWeek',
        code: 'telework.agreement.above_monthly_cap',
        params: { days: monthly, cap: caps.monthlyCapDays },
      },
    ];
  return [];
}

function periodProblems(r: AgreementRequest, context: RequestContext): FieldError[] {
  const period = { startDate: r.startDate, endDate: r.endDate ?? null };
  if (r.endDate !== undefined && r.endDate < r.startDate)
    return [
      { field: 'endDate', code: 'telework.agreement.end_before_start', params: { start: r.startDate } },
    ];
  if (r.startDate < context.today)
    return [
      { field: 'startDate', code: 'telework.agreement.start_in_past', params: { today: context.today } },
    ];
  const clash = context.others.find((other) => periodsOverlap(period, other));
  return clash
    ? [
        {
          field: 'startDate',
          code: 'telework.agreement.overlaps',
          params: { agreement: clash.id, start: clash.startDate },
        },
      ]
    : [];
}

/** The clauses CCT 85 requires of a written agreement; reachability must be a real span. */
function clauseProblems(r: AgreementRequest): FieldError[] {
  const problems: FieldError[] = [];
  if (r.clauses.reachableTo <= r.clauses.reachableFrom)
    problems.push({
      field: 'clauses.reachableTo',
      code: 'telework.agreement.reachable_span',
      params: { from: r.clauses.reachableFrom },
    });
  if (isWritten(r.regime))
    for (const clause of ['equipment', 'costs', 'followUp', 'ending'] as const)
      if (!r.clauses[clause]?.trim())
        problems.push({ field: `clauses.${clause}`, code: 'telework.agreement.clause_required' });
  return problems;
}
