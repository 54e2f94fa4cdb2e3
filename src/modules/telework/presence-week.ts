// The week a plan is about: an ISO week (`2026-W50`) or any day of it. Calendar days as ISO text,
// computed at UTC midnight so no time zone shifts a day.

const DAY_MS = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const plusDays = (day: string, days: number): string => isoOf(utc(day) + days * DAY_MS);

/** 1 (Monday) to 7 (Sunday). */
export const isoWeekdayOf = (day: string): number => new Date(utc(day)).getUTCDay() || 7;

export const mondayOf = (day: string): string => plusDays(day, 1 - isoWeekdayOf(day));

/** The Monday of ISO week `week` of `year` (week 1 holds 4 January). */
function mondayOfIsoWeek(year: number, week: number): string {
  return plusDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
}

/** `2026-W50` for any day of that week (the year is the one its Thursday falls in). */
export function isoWeekName(day: string): string {
  const thursday = plusDays(mondayOf(day), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((utc(thursday) - utc(mondayOf(`${year}-01-04`))) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The Monday of the week a parameter names, or undefined when it names none (week 53 of a year
 * with 52, 31 February): `today`'s week when absent.
 */
export function mondayOfParam(param: string | undefined, today: string): string | undefined {
  if (param === undefined) return mondayOf(today);
  const week = /^(\d{4})-W(\d{2})$/.exec(param);
  if (week) {
    const monday = mondayOfIsoWeek(Number(week[1]), Number(week[2]));
    return isoWeekName(monday) === param ? monday : undefined;
  }
  return Number.isNaN(utc(param)) || isoOf(utc(param)) !== param ? undefined : mondayOf(param);
}

/** Monday to Friday of the week starting on `monday`. */
export const workingDaysOf = (monday: string): string[] => [0, 1, 2, 3, 4].map((n) => plusDays(monday, n));

/** The first and last day of the month of `day`. */
export function monthOf(day: string): { first: string; last: string } {
  const first = `${day.slice(0, 7)}-01`;
  const next = new Date(utc(first));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { first, last: isoOf(next.getTime() - DAY_MS) };
}

/** The working days (Monday to Friday) from one day to another, inclusive. */
export function workingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = plusDays(day, 1)) if (isoWeekdayOf(day) <= 5) days.push(day);
  return days;
}

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** `mon` … `sun`: an agreement's words for a day. */
export const weekdayNameOf = (day: string): (typeof WEEKDAY_NAMES)[number] =>
  WEEKDAY_NAMES[isoWeekdayOf(day) - 1]!;
