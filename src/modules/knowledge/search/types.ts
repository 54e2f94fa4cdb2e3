/** The two content languages of the FAQ. */
export type Lang = 'fr' | 'nl';

/** Who may read an entry. */
export type Audience = 'public' | 'partners' | 'internal';

/** A calendar day, `YYYY-MM-DD` (Europe/Brussels). */
export type IsoDate = string;

/** One language version of an entry: the case (question) and its solution (answer, Markdown). */
export interface EntryText {
  question: string;
  answer: string;
}

/**
 * What the search index needs to know of an FAQ entry. Built from the database rows by the caller,
 * so the index stays the same on SQLite and PostgreSQL.
 */
export interface SearchableEntry {
  /** Human reference read out on the phone, e.g. `FAQ-0123`; unique. */
  ref: string;
  theme: string;
  /**
   * The theme's name in each language, when known: a query that names the theme asks about the
   * topic itself (see theme-coverage.ts).
   */
  themeName?: Readonly<Record<Lang, string>>;
  tags: readonly string[];
  audience: Audience;
  validFrom: IsoDate;
  /** Last day of validity, inclusive; `null` while the entry is open-ended. */
  validTo: IsoDate | null;
  fr: EntryText;
  nl: EntryText;
}

/**
 * A set of phrases that mean the same thing, in French and in Dutch. Any phrase found in a query
 * brings the others of its group into the search, in both directions and across languages.
 */
export interface SynonymGroup {
  fr: readonly string[];
  nl: readonly string[];
}

export interface SearchRequest {
  /** What the agent typed, French or Dutch (or a mix). */
  q: string;
  /** The language of the conversation: its text is preferred and highlighted. */
  lang: Lang;
  /** The day the question is about: entries valid that day come first. `any` ignores periods. */
  asOf: IsoDate | 'any';
  theme?: string;
  /** Only entries for these audiences (the caller's role decides); all when omitted. */
  audiences?: readonly Audience[];
  limit: number;
}

// The answer's shape is part of the API: its schema lives in the knowledge contract.
export type { SearchHit, SearchResponse } from '../contract.js';
