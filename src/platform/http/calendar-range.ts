// The days and instants Relais accepts anywhere (API fields and parameters, CSV cells, CLI options).
// ISO 8601 allows years 0000-9999 and more, but JavaScript's Date, the databases and the
// Brussels-day arithmetic all choke somewhere out there (year 0000 made the figures route throw
// RangeError); a crisis service has nothing to record before 1900 or after 2199.

export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2199-12-31';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 date-time; the offset's minutes may be written without a colon, as ajv accepts.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day, `YYYY-MM-DD`, from EARLIEST_DAY to LATEST_DAY. */
export function isCalendarDayInRange(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const lastDay = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= lastDay && value >= EARLIEST_DAY && value <= LATEST_DAY;
}

/**
 * An RFC 3339 instant (`2020-03-18T09:30:00Z`, `2020-03-18T10:30:00+01:00`) on a day in range.
 * A leap second (`:60`) is refused: Date cannot hold it, and code downstream would get NaN.
 */
export function isInstantInRange(value: string): boolean {
  const match = INSTANT.exec(value);
  if (!match) return false;
  const [, day = '', hours, minutes, seconds, offsetHours = '00', offsetMinutes = '00'] = match;
  return (
    isCalendarDayInRange(day) &&
    Number(hours) <= 23 &&
    Number(minutes) <= 59 &&
    Number(seconds) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59 &&
    Number.isFinite(Date.parse(value))
  );
}
