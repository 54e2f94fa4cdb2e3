import { belgianHolidays } from '../../shared/belgian-holidays.js';

// Calendar days as `YYYY-MM-DD` text, counted at midnight UTC so that no clock change shifts a day.

const DAY_MS = 86_400_000;
const utcMidnight = (day: string): number => Date.parse(`${day}T00:00:00Z`);

export const addDays = (day: string, days: number): string =>
  new Date(utcMidnight(day) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** 1 is Monday, 7 Sunday. */
export const isoWeekday = (day: string): number => new Date(utcMidnight(day)).getUTCDay() || 7;

/** The ISO 8601 week of a day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekOf(day: string): { year: number; week: number; monday: string; sunday: string } {
  const monday = addDays(day, 1 - isoWeekday(day));
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week, monday, sunday: addDays(monday, 6) };
}

/** `2026-W50`: how a week is named in messages and lock scopes. */
export const isoWeekName = (day: string): string => {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
};

export type ClosedReason = 'weekend' | 'public_holiday' | 'closing_day';

/** Why a site is closed on a day, or null when it is open. */
export type SiteCalendar = { closedReasonOn(day: string): ClosedReason | null };

const holidaysByYear = new Map<number, Set<string>>();
function isBelgianHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4));
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    // Federal staff's days off count too (2 and 15 November, 26 December): the offices are closed.
    holidays = new Set(belgianHolidays(year).map((holiday) => holiday.date));
    holidaysByYear.set(year, holidays);
  }
  return holidays.has(day);
}

/** Weekdays, minus Belgian public holidays, minus the site's own closing days. */
export function siteCalendar(closingDays: readonly string[]): SiteCalendar {
  const closing = new Set(closingDays);
  return {
    closedReasonOn(day) {
      if (isoWeekday(day) > 5) return 'weekend';
      if (isBelgianHoliday(day)) return 'public_holiday';
      if (closing.has(day)) return 'closing_day';
      return null;
    },
  };
}

let brusselsClock: Intl.DateTimeFormat | undefined;

/** Minutes after midnight, Brussels time, of an instant (the check-in deadlines are local times). */
export function brusselsMinuteOfDay(at: Date): number {
  brusselsClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = brusselsClock.formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}
