import { translate } from '../../../platform/i18n/i18n.js';
import { longDay } from '../../../shared/brussels-day.js';
import type { ContentLanguage, ExportLanguages } from './content.js';

/** Text the standard PDF fonts can print (the platform's one rule for it). */
export { toWinAnsi } from '../../../platform/exports/win-ansi.js';
/** `15 avril 2020` / `15 april 2020` (the shared rule). */
export { longDay };

/** `15/04/2020`, as both languages write it in Belgium. */
export function numericDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** An instant as a Brussels day and time, `15/04/2020 14:05`. */
export function numericInstant(at: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * The words of an export in its language(s): one language, or French / Dutch together when both
 * are printed side by side (a label that reads the same in both is printed once).
 */
export class ExportWords {
  readonly languages: ContentLanguage[];

  constructor(languages: ExportLanguages) {
    this.languages = languages === 'both' ? ['fr', 'nl'] : [languages];
  }

  /** One label (`knowledgeExport.document.<key>`) in every language of the export. */
  t(key: string, params: Record<string, unknown> = {}): string {
    const texts = this.languages.map((language) =>
      translate(language, `knowledgeExport.document.${key}`, params),
    );
    return [...new Set(texts)].join(' / ');
  }

  in(language: ContentLanguage, key: string, params: Record<string, unknown> = {}): string {
    return translate(language, `knowledgeExport.document.${key}`, params);
  }

  /** "01/03/2020 – 30/09/2020", or "à partir du / vanaf 01/03/2020" for an open-ended period. */
  period(from: string, to: string | null): string {
    return to ? `${numericDay(from)} – ${numericDay(to)}` : `${this.t('since')} ${numericDay(from)}`;
  }

  /** "Validité / Geldigheid: 01/03/2020 – 30/09/2020 · Version / Versie 2 (12/05/2020)". */
  entryMeta(entry: {
    validFrom: string;
    validTo: string | null;
    version: number;
    versionDate: string;
  }): string {
    const period = this.period(entry.validFrom, entry.validTo);
    return `${this.t('validity')}: ${period} · ${this.t('version')} ${entry.version} (${numericDay(entry.versionDate)})`;
  }

  /** "92 fiches". */
  entries(count: number): string {
    return this.t(count === 1 ? 'entries_one' : 'entries_other', { count });
  }

  /** "page / pagina 3 / 120". */
  pageOf(page: number, pages: number): string {
    return `${this.t('page')} ${page} / ${pages}`;
  }

  longDay(day: string): string {
    return this.languages.map((language) => longDay(day, language)).join(' / ');
  }
}
