import { translate } from '../../../../platform/i18n/i18n.js';
import type { Lang } from '../../search/types.js';

/** The public pages' words, from the `publicFaq` section of the shared locale files. */
export type Texts = (key: string, params?: Record<string, unknown>) => string;

export const textsFor =
  (lang: Lang): Texts =>
  (key, params) =>
    translate(lang, `publicFaq.${key}`, params);

// Made on first use (the first Intl formatter of a process loads locale data: not at start).
const dayFormats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

/** `2020-03-18` as people write it: `18 mars 2020`, `18 maart 2020` (and `1er mars 2020`). */
export function formatDay(lang: Lang, day: string): string {
  dayFormats[lang] ??= new Intl.DateTimeFormat(`${lang}-BE`, { dateStyle: 'long', timeZone: 'UTC' });
  const text = dayFormats[lang].format(new Date(`${day}T00:00:00Z`));
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** A validity period in words: `du 1 mars 2020 au 30 septembre 2020`, `depuis le 1 octobre 2020`. */
export function formatPeriod(lang: Lang, from: string, to: string | null): string {
  const t = textsFor(lang);
  return to === null
    ? t('period.since', { from: formatDay(lang, from) })
    : t('period.between', { from: formatDay(lang, from), to: formatDay(lang, to) });
}
