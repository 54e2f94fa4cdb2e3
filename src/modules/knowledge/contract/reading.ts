import { type Static, Type } from 'typebox';
import { EntryContent } from './entries.js';
import { Instant, IsoDate, Nullable, ThemeCode } from './vocabulary.js';

/** One entry of the chain of periods an entry belongs to (what applied before and after). */
export const ChainItem = Type.Object({
  ref: Type.String(),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  isThisEntry: Type.Boolean(),
  isValidOnDate: Type.Boolean(),
});
export type ChainItem = Static<typeof ChainItem>;

/** An entry's published version as a reader sees it on `asOf`. */
export const EntryView = Type.Object({
  ...EntryContent.properties,
  ref: Type.String(),
  version: Type.Integer(),
  themeName: Type.Object({ fr: Type.String(), nl: Type.String() }),
  answerHtml: Type.Object(
    { fr: Type.String(), nl: Type.String() },
    { description: 'the answers as sanitised HTML' },
  ),
  isValidOnDate: Type.Boolean(),
  asOf: IsoDate,
  publishedAt: Instant,
  reviewDueOn: Nullable(IsoDate),
  isStale: Type.Boolean(),
  isWithdrawn: Type.Boolean(),
  chain: Type.Array(ChainItem, { description: 'the periods of the same rule, oldest first' }),
  usage: Type.Object({
    opened: Type.Integer(),
    used: Type.Integer(),
    helped: Type.Integer(),
    notHelped: Type.Integer(),
  }),
});
export type EntryView = Static<typeof EntryView>;

/** A word-level difference: unchanged, added or removed runs of text. */
export const TextDiff = Type.Array(
  Type.Object({
    value: Type.String(),
    added: Type.Optional(Type.Boolean()),
    removed: Type.Optional(Type.Boolean()),
  }),
);
export type TextDiff = Static<typeof TextDiff>;

const LanguageDiff = Type.Object({ question: TextDiff, answer: TextDiff });

/** One published version of an entry. */
export const HistoryItem = Type.Object({
  version: Type.Integer(),
  publishedAt: Instant,
  authorId: Nullable(Type.String()),
  reviewerId: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  diff: Nullable(
    Type.Object(
      { fr: LanguageDiff, nl: LanguageDiff },
      { description: 'what this version changed against the one before, per language (word level)' },
    ),
  ),
});
export type HistoryItem = Static<typeof HistoryItem>;

export const ThemeView = Type.Object({
  code: Type.String(),
  nameFr: Type.String(),
  nameNl: Type.String(),
  reviewDays: Type.Integer(),
});
export type ThemeView = Static<typeof ThemeView>;

export const NewTheme = Type.Object(
  {
    code: ThemeCode,
    nameFr: Type.String({ minLength: 1, maxLength: 200 }),
    nameNl: Type.String({ minLength: 1, maxLength: 200 }),
    reviewDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
