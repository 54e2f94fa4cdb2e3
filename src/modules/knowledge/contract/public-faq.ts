import { Type } from 'typebox';
import { ContentLanguage, IsoDate, KnowledgeLimits } from './vocabulary.js';

// The public FAQ API's answers: its contract with other sites (OpenAPI), each handler builds exactly these.
const Day = Type.String({ format: 'date' });
const Period = { validFrom: Day, validTo: Type.Union([Day, Type.Null()]) };

export const PublicSearchAnswer = Type.Object({
  lang: ContentLanguage,
  asOf: Type.String({ description: 'the day the search was about (YYYY-MM-DD), or `any`' }),
  validMatches: Type.Integer({ description: 'how many matching entries apply on `asOf`' }),
  fallback: Type.Boolean({
    description: 'nothing that applies on `asOf` matched: the results come from other periods',
  }),
  results: Type.Array(
    Type.Object({
      ref: Type.String(),
      isValidOnDate: Type.Boolean(),
      ...Period,
      highlights: Type.Object(
        { question: Type.String(), answer: Type.String() },
        { description: 'HTML-escaped text; matched words in <mark>, the only markup' },
      ),
      url: Type.String({ description: 'the entry on the public FAQ site' }),
    }),
  ),
});

const ChainItem = Type.Object({
  ref: Type.String(),
  ...Period,
  isThisEntry: Type.Boolean(),
  isValidOnDate: Type.Boolean(),
});

export const PublicEntryAnswer = Type.Object({
  ref: Type.String(),
  lang: ContentLanguage,
  version: Type.Integer(),
  publishedOn: Day,
  theme: Type.Object({ code: Type.String(), name: Type.String() }),
  question: Type.String(),
  answer: Type.String({ description: 'Markdown' }),
  answerHtml: Type.String({ description: 'the answer as sanitised HTML' }),
  ...Period,
  asOf: Day,
  isValidOnDate: Type.Boolean(),
  legalBasis: Type.String(),
  sources: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  chain: Type.Array(ChainItem, { description: 'the periods of the same rule, oldest first' }),
  links: Type.Object({ fr: Type.String(), nl: Type.String() }),
});

const Question = Type.Object({ ref: Type.String(), question: Type.String(), ...Period, url: Type.String() });
export const PublicThemesAnswer = Type.Object({
  lang: ContentLanguage,
  asOf: Day,
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      current: Type.Array(Question, { description: 'entries that apply on `asOf`' }),
      others: Type.Array(Question, { description: 'entries of other periods, most recent first' }),
    }),
  ),
});

export const PublicLanguageQuery = Type.Optional(
  Type.Enum(['fr', 'nl'], { default: 'fr', description: 'fr when omitted' }),
);
export const PublicSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: KnowledgeLimits.queryMax }),
    lang: PublicLanguageQuery,
    as_of: Type.Optional(Type.Union([IsoDate, Type.Literal('any')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);
export const PublicDayQuery = Type.Object(
  { lang: PublicLanguageQuery, as_of: Type.Optional(IsoDate) },
  { additionalProperties: false },
);
