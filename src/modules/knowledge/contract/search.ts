import { type Static, Type } from 'typebox';
import { Audience, Instant, IsoDate, KnowledgeLimits, Nullable, ThemeCode } from './vocabulary.js';

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: KnowledgeLimits.queryMax }),
    lang: Type.Optional(Type.Enum(['fr', 'nl'])),
    as_of: Type.Optional(Type.Union([IsoDate, Type.Literal('any')])),
    theme: Type.Optional(ThemeCode),
    // Only entries of this audience, of those the caller may read (the ICT helpdesk suggests `internal` ones).
    audience: Type.Optional(Audience),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

const Highlights = Type.Object(
  { question: Type.String(), answer: Type.String() },
  {
    description:
      "question and an answer excerpt in the request's language, HTML-escaped, matched words in <mark> (the only markup)",
  },
);

export const SearchHit = Type.Object({
  ref: Type.String(),
  score: Type.Number(),
  isValidOnDate: Type.Boolean({ description: 'valid on `asOf` (always true when `asOf` is `any`)' }),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  highlights: Highlights,
});
export type SearchHit = Static<typeof SearchHit>;

export const SearchResponse = Type.Object({
  results: Type.Array(SearchHit),
  validMatches: Type.Integer({
    description: 'how many matching entries are valid on `asOf` (all matches when `asOf` is `any`)',
  }),
  fallback: Type.Boolean({
    description: 'nothing valid on `asOf` matched: `results` then come from other periods',
  }),
});
export type SearchResponse = Static<typeof SearchResponse>;

export const SearchMissesQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })) },
  { additionalProperties: false },
);

/** An unanswered search; `publicCount`: how many of `count` came from the public FAQ site (no person). */
export const SearchMiss = Type.Object({
  query: Type.String(),
  lang: Type.String(),
  count: Type.Integer(),
  publicCount: Type.Integer(),
  lastAt: Instant,
});
export type SearchMiss = Static<typeof SearchMiss>;

export const DeflectionsQuery = Type.Object(
  { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })) },
  { additionalProperties: false },
);

/**
 * An entry that answered people on the public question form before they sent their question: how
 * many said so, in one language, over the days asked about.
 */
export const Deflection = Type.Object({
  ref: Type.String(),
  lang: Type.String(),
  question: Type.String(),
  count: Type.Integer(),
  lastOn: IsoDate,
});
export type Deflection = Static<typeof Deflection>;

export const SynonymGroupView = Type.Object({
  id: Type.String(),
  fr: Type.Array(Type.String()),
  nl: Type.Array(Type.String()),
  updatedAt: Instant,
});
export type SynonymGroupView = Static<typeof SynonymGroupView>;

export const SynonymGroupBody = Type.Object(
  {
    fr: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 30 }),
    nl: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 30 }),
  },
  { additionalProperties: false },
);
export const SynonymGroupParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
