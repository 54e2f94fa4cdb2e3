import { type Caps, monthlyDaysOf } from './agreement-rules.js';
import type { AgreementDay, Half, Place, PresenceSource, Regime } from './contract.js';
import {
  capsDuring,
  type Measure,
  type MeasuredPerson,
  measuresOn,
  teleworkMandatory,
} from './crisis-rules.js';
import { monthOf, weekdayNameOf } from './presence-week.js';

// The weekly presence plan: the week pre-filled from the agreement in force and the crisis
// measures, and the warnings a planned week earns. Warnings are advice to the person and their
// manager, never refusals: a plan that breaks the agreement is still saved (a swap agreed by
// phone, a measure announced this morning), and the manager sees it.

/** An approved agreement, as the plan reads it. */
export type InForce = {
  id: string;
  regime: Regime;
  daysPerWeek: number | null;
  weekdays: readonly AgreementDay[];
  monthlyDays: number | null;
  startDate: string;
  endDate: string | null;
};

export type PlannedHalf = { place: Place; source: PresenceSource };
export type PlannedDay = { date: string; am: PlannedHalf; pm: PlannedHalf };
export type SavedDay = Partial<Record<Half, Place>>;

export type PresenceContext = {
  person: MeasuredPerson;
  occupationPct: number;
  /** The person's caps from the policy (capsFor). */
  caps: Caps;
  /** Their approved agreements around the period. */
  agreements: readonly InForce[];
  measures: readonly Measure[];
};

export type RuleWarning = { code: string; date: string | null; params: Record<string, number | string> };

/** The agreement in force on a day, if any. */
export const agreementOn = (agreements: readonly InForce[], day: string): InForce | undefined =>
  agreements.find((a) => a.startDate <= day && (a.endDate === null || day <= a.endDate));

/**
 * A day as the person would find it before planning: telework on both halves when a mandatory
 * measure covers them (a teleworkable function), else the agreement's telework days (a morning
 * is the morning only), else the office.
 */
export function prefilledDay(date: string, context: PresenceContext): PlannedDay {
  if (teleworkMandatory(context.measures, context.person, date)) {
    const half: PlannedHalf = { place: 'telework', source: 'crisis' };
    return { date, am: half, pm: half };
  }
  const weekday = weekdayNameOf(date);
  const entry = agreementOn(context.agreements, date)?.weekdays.find((d) => d.day === weekday);
  const half = (part: Half): PlannedHalf =>
    entry && (entry.part === 'day' || entry.part === part)
      ? { place: 'telework', source: 'agreement' }
      : { place: 'office', source: 'usual' };
  return { date, am: half('am'), pm: half('pm') };
}

/** The days as they stand: what was saved, and the pre-filled place for every half not saved. */
export function effectiveDays(
  dates: readonly string[],
  saved: ReadonlyMap<string, SavedDay>,
  context: PresenceContext,
): PlannedDay[] {
  return dates.map((date) => {
    const prefilled = prefilledDay(date, context);
    const own = saved.get(date) ?? {};
    const half = (part: Half): PlannedHalf => {
      const place = own[part];
      return place ? { place, source: 'saved' } : prefilled[part];
    };
    return { date, am: half('am'), pm: half('pm') };
  });
}

const halvesAt = (day: PlannedDay, place: Place): number =>
  (day.am.place === place ? 1 : 0) + (day.pm.place === place ? 1 : 0);

/** Telework days in these days; a half day counts half. */
export const teleworkDaysOf = (days: readonly PlannedDay[]): number =>
  days.reduce((sum, day) => sum + halvesAt(day, 'telework') / 2, 0);

/**
 * The warnings of a planned week. `week` holds its working days as planned; `months` the working
 * days (as they stand, this week's as planned) of every month the week touches, for the monthly
 * count of occasional days.
 */
export function planWarnings(
  week: readonly PlannedDay[],
  months: readonly PlannedDay[],
  context: PresenceContext,
): RuleWarning[] {
  return [
    ...dayWarnings(week, context),
    ...weeklyWarnings(week, context),
    ...monthlyWarnings(week, months, context),
  ];
}

function dayWarnings(week: readonly PlannedDay[], context: PresenceContext): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const { person, measures, agreements } = context;
  for (const day of week) {
    // A measure covering a teleworkable person allows telework without an agreement of their own.
    const isAllowedByMeasure = person.teleworkable && measuresOn(measures, person, day.date).length > 0;
    if (halvesAt(day, 'telework') > 0 && !agreementOn(agreements, day.date) && !isAllowedByMeasure)
      warnings.push({ code: 'telework.presence.no_agreement', date: day.date, params: {} });
    if (halvesAt(day, 'office') > 0 && teleworkMandatory(measures, person, day.date)) {
      const measure = measuresOn(measures, person, day.date).find((m) => m.kind === 'mandatory')!;
      warnings.push({
        code: 'telework.presence.office_during_crisis',
        date: day.date,
        params: { measure: measure.id },
      });
    }
  }
  return warnings;
}

/** The days an agreement allows, raised by a measure covering the person on one of `dates`. */
function allowedBy(
  a: InForce,
  dates: readonly string[],
  context: PresenceContext,
  unit: 'week' | 'month',
): number {
  let allowed = unit === 'week' ? (a.daysPerWeek ?? 0) : monthlyDaysOf(a);
  for (const date of dates) {
    // Any measure covering the person that day: a relaxed one at the policy's own cap still lets
    // everyone take that many days, agreement or not (the flexible days of 1 September 2020).
    if (measuresOn(context.measures, context.person, date).length === 0) continue;
    const caps = capsDuring(context.caps, context.measures, context.person, date, context.occupationPct);
    allowed = Math.max(allowed, unit === 'week' ? caps.weeklyCapDays : caps.monthlyCapDays);
  }
  return allowed;
}

/** Groups days by the agreement in force on them, among those of the given regimes. */
function byAgreement(
  days: readonly PlannedDay[],
  agreements: readonly InForce[],
  regimes: readonly Regime[],
) {
  const groups = new Map<InForce, PlannedDay[]>();
  for (const day of days) {
    const a = agreementOn(agreements, day.date);
    if (a && regimes.includes(a.regime)) groups.set(a, [...(groups.get(a) ?? []), day]);
  }
  return groups;
}

/** Structural telework is on fixed days a week: more telework days in the week than agreed. */
function weeklyWarnings(week: readonly PlannedDay[], context: PresenceContext): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  for (const [a, days] of byAgreement(week, context.agreements, ['structural'])) {
    const planned = teleworkDaysOf(days);
    const allowed = allowedBy(
      a,
      days.map((d) => d.date),
      context,
      'week',
    );
    if (planned > allowed)
      warnings.push({
        code: 'telework.presence.above_agreement_days',
        date: null,
        params: { days: planned, allowed },
      });
  }
  return warnings;
}

/** Occasional days are counted by the month: the month's telework days above what the agreement allows. */
function monthlyWarnings(
  week: readonly PlannedDay[],
  months: readonly PlannedDay[],
  context: PresenceContext,
): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  const monthsOfWeek = [
    ...new Set(week.filter((d) => halvesAt(d, 'telework') > 0).map((d) => monthOf(d.date).first)),
  ];
  for (const first of monthsOfWeek) {
    const { last } = monthOf(first);
    const inMonth = months.filter((d) => d.date >= first && d.date <= last);
    for (const [a, days] of byAgreement(inMonth, context.agreements, ['occasional', 'mixed'])) {
      const planned = teleworkDaysOf(days);
      const allowed = allowedBy(
        a,
        days.map((d) => d.date),
        context,
        'month',
      );
      if (planned > allowed)
        warnings.push({
          code: 'telework.presence.above_monthly_days',
          date: null,
          params: { days: planned, allowed, month: first.slice(0, 7) },
        });
    }
  }
  return warnings;
}
