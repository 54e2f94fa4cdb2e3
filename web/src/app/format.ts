import { dayIn, durationParts, periodIn } from './dates.js';
import { i18n } from './i18n.js';

const LOCALES: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

/** An instant shown in Brussels time, in the reader's language (the institution works in Belgium). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[i18n.language] ?? 'fr-BE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(date);
}

/** A calendar day (`YYYY-MM-DD`) in the reader's language: "18 mars 2020". */
export const formatDay = (
  day: string | null | undefined,
  style: 'long' | 'medium' | 'short' = 'long',
): string => (day ? dayIn(i18n.language, day, style) : '—');

/** A period of days, both included, in the reader's language: "1–31 mars 2020". */
export const formatPeriod = (from: string, to: string): string => periodIn(i18n.language, from, to);

/** A duration in minutes by its two largest units, in the reader's language: "2 h 15 min"; "—" when unknown. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  return durationParts(minutes)
    .map((part) => i18n.t(`web.common.duration.${part.unit}`, { n: part.n }))
    .join(' ');
}
