import { type Static, type TSchema, Type } from 'typebox';
import {
  Audience,
  DRAFT_STATES,
  Instant,
  IsoDate,
  KnowledgeLimits,
  Nullable,
  Ref,
  ThemeCode,
} from './vocabulary.js';

/** One value in French and one in Dutch. */
const PerLanguage = <T extends TSchema>(value: T, options: { description: string }) =>
  Type.Object({ fr: value, nl: value }, { additionalProperties: false, ...options });

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
  legalBasis: PerLanguage(Type.String({ maxLength: KnowledgeLimits.legalBasisMax }), {
    description: 'the legal basis cited, per language (a French page shows the French one)',
  }),
  sources: PerLanguage(
    Type.Array(Type.String({ minLength: 1, maxLength: KnowledgeLimits.sourceMax }), {
      maxItems: KnowledgeLimits.sourcesMax,
    }),
    { description: 'the sources cited, per language' },
  ),
  fr: Texts(false),
  nl: Texts(false),
};

/** What an entry says, for one validity period, in both languages. */
export const EntryContent = Type.Object(contentProperties);
export type EntryContent = Static<typeof EntryContent>;

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
    // One legal basis and one list of sources for both languages, as the corpus files have them.
    legal_basis: Type.Union([Type.String({ maxLength: KnowledgeLimits.legalBasisMax }), Type.Null()]),
    sources: contentProperties.sources.properties.fr,
    fr: Texts(true),
    nl: Texts(true),
  },
  { additionalProperties: true },
);
export type CorpusRecord = Static<typeof CorpusRecord>;

/** An entry's draft as its editors and reviewers see it. */
export const DraftView = Type.Object({
  ref: Type.String(),
  state: Type.Enum([...DRAFT_STATES]),
  baseVersion: Nullable(Type.Integer({ description: 'the published version it started from' })),
  content: EntryContent,
  frNeedsUpdate: Type.Boolean(),
  nlNeedsUpdate: Type.Boolean(),
  editorIds: Type.Array(Type.String()),
  submittedAt: Nullable(Instant),
  reviewComment: Nullable(Type.String()),
  updatedAt: Instant,
});
export type DraftView = Static<typeof DraftView>;

/** A draft in the review or translation queue. */
export const QueueItem = Type.Object({
  ref: Type.String(),
  questionFr: Type.String(),
  questionNl: Type.String(),
  theme: Type.String(),
  state: Type.String(),
  frNeedsUpdate: Type.Boolean(),
  nlNeedsUpdate: Type.Boolean(),
  updatedAt: Instant,
  submittedAt: Nullable(Instant),
  isNew: Type.Boolean(),
});
export type QueueItem = Static<typeof QueueItem>;

/** A published entry past its review day. */
export const StaleItem = Type.Object({
  ref: Type.String(),
  questionFr: Type.String(),
  questionNl: Type.String(),
  reviewDueOn: IsoDate,
});
export type StaleItem = Static<typeof StaleItem>;

export const Comment = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export const OptionalComment = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const TranslationConfirmation = Type.Object(
  { language: Type.Enum(['fr', 'nl']) },
  { additionalProperties: false },
);
export const Feedback = Type.Object(
  { isHelpful: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const PreviewRequest = Type.Object(
  { markdown: Type.String({ maxLength: KnowledgeLimits.answerMax, description: 'Markdown' }) },
  { additionalProperties: false },
);
export const Preview = Type.Object({ html: Type.String({ description: 'sanitised HTML' }) });

/** What publishing a draft made: the entry's new version, and whether it was new or changed. */
export const Publication = Type.Object({
  ref: Type.String(),
  version: Type.Integer(),
  kind: Type.Enum(['new', 'changed', 'withdrawn']),
});
export type Publication = Static<typeof Publication>;
export type Preview = Static<typeof Preview>;
