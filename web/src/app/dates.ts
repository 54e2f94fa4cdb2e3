/**
 * Calendar days and durations as a reader of each language writes them. Pure: the language is passed
 * in, so the rules are tested without the app; format.ts binds them to the interface's language.
 */

const LOCALES: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

export const localeOf = (language: string): string => LOCALES[language] ?? 'fr-BE';

const IS_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as a UTC midnight: formatted in UTC too, it never shifts by a time zone. */
function dayDate(day: string): Date | null {
  if (!IS_DAY.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2020-03-18` → "18 March 2020", "18 mars 2020", "18 maart 2020"; anything else as it came. */
export function dayIn(language: string, day: string, style: 'long' | 'medium' | 'short' = 'long'): string {
  const date = dayDate(day);
  if (!date) return day;
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
      : { dateStyle: style, timeZone: 'UTC' };
  return new Intl.DateTimeFormat(localeOf(language), options).format(date);
}

/**
 * A period of days, both included, as the language writes a range: "1 March 2020 – 31 March 2020"
 * reads "1–31 March 2020" in English, "1–31 mars 2020" in French. One day is just that day.
 */
export function periodIn(language: string, from: string, to: string): string {
  const start = dayDate(from);
  const end = dayDate(to);
  if (!start || !end) return `${from} – ${to}`;
  const format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' });
  return from === to ? format.format(start) : format.formatRange(start, end);
}

/** A duration in whole minutes as its two largest units (days, hours, minutes): a reader wants its size. */
export function durationParts(totalMinutes: number): { unit: 'days' | 'hours' | 'minutes'; n: number }[] {
  const minutes = Math.max(0, Math.round(totalMinutes));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0)
    return hours > 0
      ? [
          { unit: 'days', n: days },
          { unit: 'hours', n: hours },
        ]
      : [{ unit: 'days', n: days }];
  if (hours > 0)
    return rest > 0
      ? [
          { unit: 'hours', n: hours },
          { unit: 'minutes', n: rest },
        ]
      : [{ unit: 'hours', n: hours }];
  return [{ unit: 'minutes', n: rest }];
}
