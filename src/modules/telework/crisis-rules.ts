import { type Caps, floorToHalfDay } from './agreement-rules.js';
import type { CrisisKind } from './contract.js';

// Crisis measures override the caps for a period, for the whole institution or some units, without
// touching each agreement (19 October 2020: telework mandatory, except the listed functions).

export type Measure = {
  id: string;
  kind: CrisisKind;
  startDate: string;
  endDate: string | null;
  /** Unit codes; empty: the whole institution. */
  orgUnits: readonly string[];
  exceptions: readonly string[];
  weeklyCapDays: number | null;
};

export type MeasuredPerson = { id: string; orgUnit: string | null; teleworkable: boolean };

/** Whether a measure covers a person on a day: in its period, in its units, not an exception. */
export function covers(measure: Measure, person: MeasuredPerson, day: string): boolean {
  if (day < measure.startDate || (measure.endDate !== null && day > measure.endDate)) return false;
  if (measure.exceptions.includes(person.id)) return false;
  return (
    measure.orgUnits.length === 0 || (person.orgUnit !== null && measure.orgUnits.includes(person.orgUnit))
  );
}

/** The measures that apply to a person on a day. */
export const measuresOn = (measures: readonly Measure[], person: MeasuredPerson, day: string): Measure[] =>
  measures.filter((m) => covers(m, person, day));

/**
 * Whether telework is the rule for the person that day: a mandatory measure covers them and their
 * function can be done from home (a cleaner still comes in).
 */
export const teleworkMandatory = (
  measures: readonly Measure[],
  person: MeasuredPerson,
  day: string,
): boolean => person.teleworkable && measuresOn(measures, person, day).some((m) => m.kind === 'mandatory');

/**
 * The person's caps that day: a relaxed measure raises the weekly cap (prorated like the policy's);
 * a mandatory one lifts the caps altogether (five days a week). The higher of the agreement's and
 * the measures' caps wins: a measure never lowers what an agreement allows.
 */
export function capsDuring(
  caps: Caps,
  measures: readonly Measure[],
  person: MeasuredPerson,
  day: string,
  occupationPct: number,
): Caps {
  let weekly = caps.weeklyCapDays;
  for (const m of measuresOn(measures, person, day)) {
    if (m.kind === 'mandatory' && person.teleworkable) weekly = Math.max(weekly, 5);
    if (m.kind === 'relaxed' && m.weeklyCapDays !== null)
      weekly = Math.max(weekly, floorToHalfDay((m.weeklyCapDays * occupationPct) / 100));
  }
  return weekly === caps.weeklyCapDays
    ? caps
    : { weeklyCapDays: weekly, monthlyCapDays: Math.max(caps.monthlyCapDays, weekly * 4) };
}
