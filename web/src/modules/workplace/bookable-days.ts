import { belgianHolidays } from '../../../../src/shared/belgian-holidays.js';

// Calendar days as `YYYY-MM-DD`, counted at midnight UTC so that no clock change shifts a day.
const DAY_MS = 86_400_000;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const isWeekend = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** Whether the site is open on a day: a weekday, not a Belgian public holiday, not a closing day. */
export function isOpenDay(day: string, closingDays: readonly string[]): boolean {
  if (isWeekend(day) || closingDays.includes(day)) return false;
  return !belgianHolidays(Number(day.slice(0, 4))).some((holiday) => holiday.date === day);
}

/**
 * The day the map opens on: the first open day after today (today's morning is usually gone by
 * the time one books), or today itself when no open day lies within the horizon.
 */
export function nextBookableDay(today: string, closingDays: readonly string[], horizonDays: number): string {
  for (let offset = 1; offset <= horizonDays; offset++) {
    const day = addDays(today, offset);
    if (isOpenDay(day, closingDays)) return day;
  }
  return today;
}

/** Today in Brussels, where the offices are, whatever the device's own time zone. */
export const brusselsToday = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
