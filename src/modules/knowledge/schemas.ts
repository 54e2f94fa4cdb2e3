import { type Static, Type } from 'typebox';
import { IsoDate } from '../../platform/http/validation.js';
import { AUDIENCES } from './content.js';

/** Limits shared with the web editor. 430 printed pages held about 1,500 words an entry at most. */
export const KnowledgeLimits = {
  questionMax: 500,
  answerMax: 40_000,
  tagMax: 60,
  tagsMax: 30,
  sourceMax: 500,
  sourcesMax: 20,
  legalBasisMax: 5_000,
  queryMax: 200,
};

export const Ref = Type.String({ pattern: '^FAQ-[0-9]{4,7}$', example: 'FAQ-0012' });
export const ThemeCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', minLength: 2, maxLength: 40 });
export const Audience = Type.Enum([...AUDIENCES]);

const Texts = (required: boolean) =>
  Type.Object(
    {
      question: Type.String({ minLength: required ? 1 : 0, maxLength: KnowledgeLimits.questionMax }),
      answer: Type.String({
        minLength: required ? 1 : 0,
        maxLength: KnowledgeLimits.answerMax,
        description: 'Markdown',
      }),
    },
    { additionalProperties: false },
  );

const contentProperties = {
  theme: ThemeCode,
  audience: Audience,
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()]),
  supersedes: Type.Union([Ref, Type.Null()]),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: KnowledgeLimits.tagMax }), {
    maxItems: KnowledgeLimits.tagsMax,
  }),
  legalBasis: Type.String({ maxLength: KnowledgeLimits.legalBasisMax }),
  sources: Type.Array(Type.String({ minLength: 1, maxLength: KnowledgeLimits.sourceMax }), {
    maxItems: KnowledgeLimits.sourcesMax,
  }),
  fr: Texts(false),
  nl: Texts(false),
};

/** A new entry: written in one language first is fine; the other can follow before review. */
export const NewEntry = Type.Object(
  {
    ...contentProperties,
    validTo: Type.Optional(contentProperties.validTo),
    supersedes: Type.Optional(contentProperties.supersedes),
    tags: Type.Optional(contentProperties.tags),
    legalBasis: Type.Optional(contentProperties.legalBasis),
    sources: Type.Optional(contentProperties.sources),
    fr: Type.Optional(Texts(false)),
    nl: Type.Optional(Texts(false)),
  },
  { additionalProperties: false },
);
export type NewEntry = Static<typeof NewEntry>;

/** A change to the draft: only the fields sent change. */
export const DraftPatch = Type.Partial(Type.Object(contentProperties, { additionalProperties: false }), {
  additionalProperties: false,
});
export type DraftPatch = Static<typeof DraftPatch>;

/** One record of the corpus file format (`relais kb import`). */
export const CorpusRecord = Type.Object(
  {
    id: Ref,
    theme: ThemeCode,
    audience: Audience,
    valid_from: IsoDate,
    valid_to: Type.Union([IsoDate, Type.Null()]),
    supersedes: Type.Union([Ref, Type.Null()]),
    tags: contentProperties.tags,
    legal_basis: Type.Union([Type.String({ maxLength: KnowledgeLimits.legalBasisMax }), Type.Null()]),
    sources: contentProperties.sources,
    fr: Texts(true),
    nl: Texts(true),
  },
  { additionalProperties: true },
);
export type CorpusRecord = Static<typeof CorpusRecord>;
