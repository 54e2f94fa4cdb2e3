import type { ContentLanguage } from '../../../../src/modules/knowledge/contract.js';
import { brusselsToday } from '../../../../src/shared/brussels-day.js';

// Pages outside knowledge (the new-call page) still take it from here.
export { brusselsToday };

const LOCALES: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

/** A calendar day in the reader's language ("1 mars 2020"); read as noon UTC so no zone shifts it. */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LOCALES[language] ?? 'fr-BE', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
}

/** The content language to start in: the interface's when it is French or Dutch, else French. */
export const contentLanguageOf = (uiLanguage: string): ContentLanguage => (uiLanguage === 'nl' ? 'nl' : 'fr');

export const otherLanguage = (language: ContentLanguage): ContentLanguage =>
  language === 'fr' ? 'nl' : 'fr';

/**
 * The next highlighted result after an arrow key: down from "none" lands on the first, up from
 * "none" on the last; the ends do not wrap (an agent holding the key stops on the last result).
 */
export function moveActive(current: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + delta));
}

/** A source is shown as a link only when it is a web address; anything else stays text. */
export const isWebAddress = (source: string): boolean => /^https?:\/\/[^\s]+$/i.test(source.trim());

/** An item's question in the wanted language, or the other one when that is still empty (a new draft). */
export function questionIn(item: { questionFr: string; questionNl: string }, language: string): string {
  const wanted = language === 'nl' ? item.questionNl : item.questionFr;
  return wanted.trim() ? wanted : language === 'nl' ? item.questionFr : item.questionNl;
}

/** Theme codes travel in the API; people read the theme's name in their language. */
export function themeLabel(
  code: string,
  themes: readonly { code: string; nameFr: string; nameNl: string }[] | undefined,
  language: string,
): string {
  const theme = themes?.find((t) => t.code === code);
  if (!theme) return code;
  return language === 'nl' ? theme.nameNl : theme.nameFr;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "1 Mar 2020 – 30 Sep 2020", or "from 1 Mar 2020" for an open-ended period. */
export function periodText(
  validFrom: string,
  validTo: string | null,
  language: string,
  t: Translate,
): string {
  const from = formatDay(validFrom, language);
  return validTo
    ? t('web.knowledge.period.between', { from, to: formatDay(validTo, language) })
    : t('web.knowledge.period.since', { from });
}

/** Whether a synonym group holds a term containing `filter`, in either language (filtering a long list). */
export function groupHasTerm(
  group: { fr: readonly string[]; nl: readonly string[] },
  filter: string,
): boolean {
  const needle = filter.trim().toLowerCase();
  return !needle || [...group.fr, ...group.nl].some((term) => term.toLowerCase().includes(needle));
}
