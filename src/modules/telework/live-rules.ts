import type { AgreementDay, Regime, Weekday } from './contract.js';
import { type Measure, type MeasuredPerson, teleworkMandatory } from './crisis-rules.js';
import { roundedPercent } from './statistics-rules.js';

// Where staff work on a given day, as management asked in March 2020 (86.06% in full telework,
// 8.29% partly, 5.65% not at all): each person's standing from their agreement and the crisis
// measures, and where they are that day from their week's plan, else from their agreement.

/** Full: teleworks every working day; partly: some days; none: not at all (or cannot). */
export type Standing = 'full' | 'partial' | 'none';
/** Where a person is on the day: at home, at the office, away (leave, mission), or it is no working day. */
export type Whereabouts = 'home' | 'office' | 'away' | 'off';
export type PlannedPlace = 'office' | 'telework' | 'leave' | 'mission';

export type LivePerson = MeasuredPerson & {
  agreement: { regime: Regime; daysPerWeek: number | null; weekdays: readonly AgreementDay[] } | null;
  /** The places the person's plan says for the day (morning and afternoon), if they planned it. */
  planned: readonly PlannedPlace[];
};

const WEEKDAYS: (Weekday | null)[] = [null, 'mon', 'tue', 'wed', 'thu', 'fri', null];
export const weekdayOf = (day: string): Weekday | null => WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;

export function standingOf(person: LivePerson, measures: readonly Measure[], day: string): Standing {
  if (!person.teleworkable) return 'none';
  if (teleworkMandatory(measures, person, day)) return 'full';
  if (!person.agreement) return 'none';
  return person.agreement.regime === 'structural' && (person.agreement.daysPerWeek ?? 0) >= 5
    ? 'full'
    : 'partial';
}

/** The plan wins; without one, a crisis measure, then the agreement's weekdays, say where. */
export function whereabouts(person: LivePerson, measures: readonly Measure[], day: string): Whereabouts {
  const weekday = weekdayOf(day);
  if (!weekday) return 'off';
  if (person.planned.length) {
    if (person.planned.includes('telework')) return 'home';
    if (person.planned.includes('office')) return 'office';
    return 'away';
  }
  if (teleworkMandatory(measures, person, day)) return 'home';
  return person.agreement?.weekdays.some((d) => d.day === weekday) ? 'home' : 'office';
}

export type LiveTally = {
  headcount: number;
  full: number;
  partial: number;
  none: number;
  home: number;
  office: number;
  away: number;
  full_pct: number;
  partial_pct: number;
  none_pct: number;
  home_pct: number;
};

export function tallyLive(
  people: readonly LivePerson[],
  measures: readonly Measure[],
  day: string,
): LiveTally {
  const counts = { full: 0, partial: 0, none: 0, home: 0, office: 0, away: 0, off: 0 };
  for (const person of people) {
    counts[standingOf(person, measures, day)] += 1;
    counts[whereabouts(person, measures, day)] += 1;
  }
  const n = people.length;
  return {
    headcount: n,
    full: counts.full,
    partial: counts.partial,
    none: counts.none,
    home: counts.home,
    office: counts.office,
    away: counts.away,
    full_pct: roundedPercent(counts.full, n),
    partial_pct: roundedPercent(counts.partial, n),
    none_pct: roundedPercent(counts.none, n),
    home_pct: roundedPercent(counts.home, n),
  };
}
