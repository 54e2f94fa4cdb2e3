import { type Static, type TSchema, Type } from 'typebox';

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

/** Who may read an entry. */
export const AUDIENCES = ['public', 'partners', 'internal'] as const;
export const Audience = Type.Enum([...AUDIENCES]);
export type Audience = Static<typeof Audience>;

/** The two content languages of the FAQ (the interface has a third, English). */
export const CONTENT_LANGUAGES = ['fr', 'nl'] as const;
export const ContentLanguage = Type.Enum([...CONTENT_LANGUAGES]);
export type ContentLanguage = Static<typeof ContentLanguage>;

export const DRAFT_STATES = ['draft', 'in_review'] as const;
export const CHANGE_KINDS = ['new', 'changed', 'withdrawn'] as const;
export const ChangeKind = Type.Enum([...CHANGE_KINDS]);
export type ChangeKind = Static<typeof ChangeKind>;

// The platform's wire shapes, from its contract.
import { IsoDate } from '../../../platform/http/contract.js';

export { Instant, IsoDate, Nullable } from '../../../platform/http/contract.js';

export const Ref = Type.String({ pattern: '^FAQ-[0-9]{4,7}$', example: 'FAQ-0012' });
export const ThemeCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', minLength: 2, maxLength: 40 });

export const RefParams = Type.Object({ ref: Ref });
export const AsOfQuery = Type.Object({ as_of: Type.Optional(IsoDate) }, { additionalProperties: false });

/** A list answer: `{ items: [...] }`. */
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
