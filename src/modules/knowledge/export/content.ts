import { AUDIENCES, type Audience } from '../content.js';
import type { ContentLanguage, ExportFormat, ExportLanguages } from '../contract.js';
import { isValidOn } from '../validity.js';

export type { ContentLanguage, ExportFormat, ExportLanguages };

/** One entry as printed: the version published now, for the period that applies on the export's day. */
export type ExportEntry = {
  ref: string;
  number: number;
  theme: string;
  audience: Audience;
  validFrom: string;
  validTo: string | null;
  version: number;
  /** The Brussels day this version was published. */
  versionDate: string;
  supersedes: string | null;
  /** Each language's text and the references it cites (a French page shows French references). */
  fr: ExportTexts;
  nl: ExportTexts;
};

export type ExportTexts = { question: string; answer: string; legalBasis: string; sources: string[] };

/**
 * The legal basis and sources printed under an entry: each printed language's own, once when the
 * languages cite the same (then `language` is null), else each marked with its language.
 */
export function referenceNotes(
  entry: Pick<ExportEntry, 'fr' | 'nl'>,
  languages: readonly ContentLanguage[],
): { language: ContentLanguage | null; legalBasis: string; sources: string[] }[] {
  const notes = languages.map((language) => ({
    language,
    legalBasis: entry[language].legalBasis.trim(),
    sources: entry[language].sources,
  }));
  const isSame = notes.every(
    (note) =>
      note.legalBasis === notes[0]!.legalBasis && note.sources.join('\n') === notes[0]!.sources.join('\n'),
  );
  if (isSame) return notes.slice(0, 1).map((note) => ({ ...note, language: null }));
  return notes;
}

export type ExportThemeInfo = { code: string; name: { fr: string; nl: string } };
export type ExportTheme = ExportThemeInfo & { entries: ExportEntry[] };

/** The FAQ as of a day, for one readership, grouped by theme: what the PDF and HTML renderers print. */
export type FaqExport = {
  asOf: string;
  languages: ExportLanguages;
  audience: Audience;
  /** The instant the export was made (printed on the title page). */
  generatedAt: string;
  themes: ExportTheme[];
  entryCount: number;
};

/**
 * The readers an export is for: a public export holds public entries only; one for the partner
 * funds adds theirs; an internal one (staff) holds every entry.
 */
export function audiencesOfExport(audience: Audience): Audience[] {
  return AUDIENCES.slice(0, AUDIENCES.indexOf(audience) + 1);
}

/** Which exports a reader may ask for: never wider than what they may read themselves. */
export function exportAudiencesFor(reader: 'partner' | 'staff'): Audience[] {
  return reader === 'partner' ? ['public', 'partners'] : [...AUDIENCES];
}

/** The default readership of an export: the widest the reader may ask for (staff print for staff). */
export const defaultExportAudience = (reader: 'partner' | 'staff'): Audience =>
  reader === 'partner' ? 'partners' : 'internal';

/** Whether an entry belongs in an export as of `asOf` for `audience`. */
export const isInExport = (entry: ExportEntry, asOf: string, audience: Audience): boolean =>
  isValidOn({ from: entry.validFrom, to: entry.validTo }, asOf) &&
  audiencesOfExport(audience).includes(entry.audience);

/** The language themes are sorted in: French first when both are printed. */
export const primaryLanguage = (languages: ExportLanguages): ContentLanguage =>
  languages === 'nl' ? 'nl' : 'fr';

/**
 * The entries that apply on `asOf` for `audience`, grouped by theme: themes in alphabetical order
 * of their name in the primary language, entries by reference; themes with nothing to print left out.
 * An entry of a theme that no longer exists is filed under its code rather than lost.
 */
export function buildFaqExport(
  entries: readonly ExportEntry[],
  themes: readonly ExportThemeInfo[],
  options: { asOf: string; languages: ExportLanguages; audience: Audience; generatedAt: string },
): FaqExport {
  const language = primaryLanguage(options.languages);
  const byCode = new Map<string, ExportTheme>(themes.map((t) => [t.code, { ...t, entries: [] }]));
  let entryCount = 0;
  for (const entry of entries) {
    if (!isInExport(entry, options.asOf, options.audience)) continue;
    let theme = byCode.get(entry.theme);
    if (!theme) {
      theme = { code: entry.theme, name: { fr: entry.theme, nl: entry.theme }, entries: [] };
      byCode.set(entry.theme, theme);
    }
    theme.entries.push(entry);
    entryCount += 1;
  }
  const grouped = [...byCode.values()]
    .filter((theme) => theme.entries.length > 0)
    .sort(
      (a, b) =>
        a.name[language].localeCompare(b.name[language], language, { sensitivity: 'base' }) ||
        a.code.localeCompare(b.code),
    );
  for (const theme of grouped) theme.entries.sort((a, b) => a.number - b.number);
  return { ...options, themes: grouped, entryCount };
}

/** `faq-2020-04-15-fr-nl.pdf`; an export narrower than internal says for whom (`-public`). */
export function exportFileName(request: {
  asOf: string;
  languages: ExportLanguages;
  format: ExportFormat;
  audience: Audience;
}): string {
  const languages = request.languages === 'both' ? 'fr-nl' : request.languages;
  const audience = request.audience === 'internal' ? '' : `-${request.audience}`;
  return `faq-${request.asOf}-${languages}${audience}.${request.format}`;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};
