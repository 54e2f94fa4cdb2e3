import { brusselsDay } from '../../../platform/db/time.js';
import { AppError } from '../../../platform/errors.js';
import { parseFaqRef } from '../../../shared/spoken-refs.js';
import type { Audience, ChainItem } from '../contract.js';
import { readEntry } from '../reading.js';
import { type Db, listLiveQuestions } from '../repository.js';
import type { Lang, SearchResponse } from '../search/types.js';
import type { KnowledgeSearch } from '../search-service.js';
import { isValidOn } from '../validity.js';

/** What the public reads: public entries only, whoever asks (the page is the same for all, so it can be cached). */
export const PUBLIC_AUDIENCES: readonly Audience[] = ['public'];
export const PUBLIC_LANGUAGES = ['fr', 'nl'] as const satisfies readonly Lang[];
export const isPublicLanguage = (value: unknown): value is Lang => PUBLIC_LANGUAGES.includes(value as Lang);
export const otherLanguage = (lang: Lang): Lang => (lang === 'fr' ? 'nl' : 'fr');

/** Where the public site shows an entry. */
export const publicEntryPath = (lang: Lang, ref: string): string => `/faq/${lang}/${ref}`;

export type PublicQuestion = {
  ref: string;
  question: string;
  validFrom: string;
  validTo: string | null;
};

export type PublicTheme = {
  code: string;
  name: string;
  /** The entries that apply on the day asked about, in reference order. */
  current: PublicQuestion[];
  /** The theme's entries of other periods, most recent period first. */
  others: PublicQuestion[];
};

/** The public entries, theme by theme (themes named and sorted in `lang`), as they apply on `asOf`. */
export async function publicQuestionsByTheme(db: Db, lang: Lang, asOf: string): Promise<PublicTheme[]> {
  const rows = await listLiveQuestions(db, PUBLIC_AUDIENCES);
  const themes = new Map<string, PublicTheme>();
  for (const row of rows) {
    let theme = themes.get(row.code);
    if (!theme) {
      theme = { code: row.code, name: lang === 'fr' ? row.name_fr : row.name_nl, current: [], others: [] };
      themes.set(row.code, theme);
    }
    const question: PublicQuestion = {
      ref: row.ref,
      question: lang === 'fr' ? row.question_fr : row.question_nl,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    };
    const period = { from: row.valid_from, to: row.valid_to };
    (isValidOn(period, asOf) ? theme.current : theme.others).push(question);
  }
  const collator = new Intl.Collator(lang === 'fr' ? 'fr-BE' : 'nl-BE');
  const sorted = [...themes.values()].sort((a, b) => collator.compare(a.name, b.name));
  for (const theme of sorted) theme.others.sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return sorted;
}

export type PublicEntry = {
  ref: string;
  lang: Lang;
  version: number;
  /** The day (Brussels) this version was published. */
  publishedOn: string;
  theme: { code: string; name: string };
  question: string;
  /** Markdown, as written. */
  answer: string;
  /** The answer as sanitised HTML (no raw HTML, no script links). */
  answerHtml: string;
  validFrom: string;
  validTo: string | null;
  asOf: string;
  isValidOnDate: boolean;
  legalBasis: string;
  sources: string[];
  tags: string[];
  /** The periods of the same rule (public ones), oldest first. */
  chain: ChainItem[];
  /** The entry in both languages on the public site. */
  links: Record<Lang, string>;
};

/**
 * A public entry as the public reads it in `lang` on `asOf`. Entries of other audiences answer
 * exactly like unknown ones (404), so the public cannot tell that they exist; a withdrawn entry
 * is gone (410): it may be wrong, and a citizen following an old link is told so.
 */
export async function readPublicEntry(db: Db, ref: string, lang: Lang, asOf: string): Promise<PublicEntry> {
  const view = await readEntry(db, ref, { asOf, audiences: PUBLIC_AUDIENCES });
  if (view.isWithdrawn) throw new AppError('knowledge.entry_withdrawn', 410, { ref: view.ref });
  return {
    ref: view.ref,
    lang,
    version: view.version,
    publishedOn: brusselsDay(view.publishedAt),
    theme: { code: view.theme, name: view.themeName[lang] },
    question: view[lang].question,
    answer: view[lang].answer,
    answerHtml: view.answerHtml[lang],
    validFrom: view.validFrom,
    validTo: view.validTo,
    asOf: view.asOf,
    isValidOnDate: view.isValidOnDate,
    // The page's language's references: a French page cites the French texts.
    legalBasis: view.legalBasis[lang],
    sources: view.sources[lang],
    tags: view.tags,
    chain: view.chain,
    links: { fr: publicEntryPath('fr', view.ref), nl: publicEntryPath('nl', view.ref) },
  };
}

/** The search the agents use, narrowed to public entries. */
export function searchPublic(
  search: KnowledgeSearch,
  request: { q: string; lang: Lang; asOf: string | 'any'; limit: number },
): SearchResponse {
  return search.search({ ...request, audiences: PUBLIC_AUDIENCES });
}

/**
 * A reference as people type it (`faq-12`, `FAQ 0012`, `faq0012`, `0012`) in its canonical form, or
 * undefined when it is none (shared/spoken-refs.ts). The exact form is left alone (imported
 * references may carry more leading zeros than the ones Relais makes).
 */
export const canonicalRef = (raw: string): string | undefined => parseFaqRef(raw);
