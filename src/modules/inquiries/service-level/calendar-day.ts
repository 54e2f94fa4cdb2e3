import type { IsoDate } from '../../../platform/db/time.js';

/** ISO weekday numbering: 1 is Monday, 7 is Sunday (what Belgian timetables use, unlike Date's Sunday 0). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a calendar day: day arithmetic in UTC never meets a clock change. */
function utcMidnight(day: IsoDate): number {
  const at = ISO_DATE.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(at)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return at;
}

export const isoDateOfUtc = (epochMs: number): IsoDate => new Date(epochMs).toISOString().slice(0, 10);

export const isoDate = (year: number, month: number, dayOfMonth: number): IsoDate =>
  isoDateOfUtc(Date.UTC(year, month - 1, dayOfMonth));

export function isoWeekday(day: IsoDate): IsoWeekday {
  const sundayZero = new Date(utcMidnight(day)).getUTCDay();
  return (sundayZero === 0 ? 7 : sundayZero) as IsoWeekday;
}

/** The wall-clock reading `minuteOfDay` minutes after midnight of `day`, as if that reading were UTC. */
export const wallClockAsUtc = (day: IsoDate, minuteOfDay: number): number =>
  utcMidnight(day) + minuteOfDay * 60_000;
