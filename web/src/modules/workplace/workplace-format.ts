import type { LocalizedName } from '../../../../src/modules/workplace/contract.js';
import type { Language } from '../../app/languages.js';

const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

/** A calendar day (`2026-12-08`) as the reader says it: "Tuesday 8 December 2026". */
export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  // UTC both ways: a day is a day, whatever the device's time zone.
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/** A plan's name (floor, zone) in the reader's language. */
export const nameIn = (name: LocalizedName, language: Language): string => name[language] ?? name.en;

/** `botanique-03-A-007` → `A-007`: on a floor's own map the site and floor go without saying. */
export const shortDeskId = (id: string, floorId: string): string =>
  id.startsWith(`${floorId}-`) ? id.slice(floorId.length + 1) : id;

/** The Brussels time of an instant, as the reader writes it: "08:42" (a check-in at the desk). */
export function formatTimeOfDay(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/** Minutes after midnight as a clock time: 600 → "10:00" (the check-in deadlines). */
/**
 * Whether a Brussels clock time (`10:00`) has gone by at `now`: a booking past its check-in deadline
 * can still be checked in until the release job, which runs every 15 minutes, frees it.
 */
export function isPastClockTime(time: string, now: Date = new Date()): boolean {
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Brussels',
  })
    .format(now)
    .split(':')
    .map(Number);
  const [dueHour, dueMinute] = time.split(':').map(Number);
  return hour! * 60 + minute! >= dueHour! * 60 + dueMinute!;
}
