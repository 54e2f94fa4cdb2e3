import type { CrisisMeasure, LiveUnit } from '../../../../src/modules/telework/contract.js';

const weekdayOf = (day: string): number => new Date(`${day}T12:00:00Z`).getUTCDay();

/** Saturdays and Sundays: nobody is counted at home or at the office on them. */
export const isWeekend = (day: string): boolean => [0, 6].includes(weekdayOf(day));

/** The day itself, or the Monday after when it falls on a weekend. */
export function firstWorkingDay(day: string): string {
  const skip = { 0: 1, 6: 2 }[weekdayOf(day)] ?? 0;
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + skip);
  return date.toISOString().slice(0, 10);
}

/** A date to jump to: the first working day of a crisis measure, where its effect shows. */
export type MeasureShortcut = { id: string; title: string; day: string };

/**
 * One shortcut per crisis measure that had started by `today`, the oldest first: the figures of
 * 2020 are those management compares with, and nobody remembers the measures' dates.
 */
export function measureShortcuts(
  measures: readonly Pick<CrisisMeasure, 'id' | 'title' | 'startDate'>[],
  language: string,
  today: string,
): MeasureShortcut[] {
  return [...measures]
    .filter((m) => m.startDate <= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
    .map((m) => ({
      id: m.id,
      title: language === 'nl' ? m.title.nl : m.title.fr,
      day: firstWorkingDay(m.startDate),
    }));
}

/** A unit's bar: its staff's shares in full, partial and no telework, and the counts for the tooltip. */
export type UnitBar = {
  code: string;
  name: string;
  full: number;
  partial: number;
  none: number;
  counts: { full: number; partial: number; none: number; headcount: number };
};

/**
 * The bars of the chart per unit: shares rather than counts, so a unit of eight compares with one of
 * eighty; a unit with nobody in service that day has no bar to draw.
 */
export const unitBars = (units: readonly LiveUnit[]): UnitBar[] =>
  units
    .filter((u) => u.headcount > 0)
    .map((u) => ({
      code: u.code,
      name: u.name,
      full: u.full_pct,
      partial: u.partial_pct,
      none: u.none_pct,
      counts: { full: u.full, partial: u.partial, none: u.none, headcount: u.headcount },
    }));

/** Room for the unit names left of the bars, and for the bars themselves, in pixels. */
export function chartSize(bars: readonly UnitBar[]): { height: number; labelWidth: number } {
  const longest = Math.max(0, ...bars.map((b) => b.name.length));
  return {
    height: 60 + 36 * bars.length,
    labelWidth: Math.min(260, Math.max(80, longest * 7)),
  };
}
