import { belgianHolidays } from '../../shared/belgian-holidays.js';

// A new colleague's kit is due the working day before their first day: on their first morning it
// is there, whether handed over at the site or shipped home the day before.

const isWorkingDay = (day: string): boolean => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !belgianHolidays(Number(day.slice(0, 4))).some((holiday) => holiday.date === day);
};

const dayBefore = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** The last working day (no weekend, no Belgian public holiday) before `firstDay`. */
export function kitDueOn(firstDay: string): string {
  let day = dayBefore(firstDay);
  while (!isWorkingDay(day)) day = dayBefore(day);
  return day;
}
