import { type Static, Type } from 'typebox';
import { Code } from './parameters.js';
import { EnterpriseNumber, Niss } from './platform-schemas.js';

/**
 * How long each field of the public question form may be: the page's `maxlength`, the API's
 * schema and the checks share them. Smaller than what agents may type: the public form is
 * anonymous, and a question longer than a page is rarely one question.
 */
export const PublicQuestionLimits = {
  nameMax: 200,
  emailMax: 254,
  questionMin: 10,
  questionMax: 5_000,
  phoneMax: 30,
  honeypotMax: 500,
  /** The largest body the form's routes read: every field at its limit fits, with room for encoding. */
  bodyMaxBytes: 64 * 1024,
} as const;

/** The languages of the public form: those of the public FAQ. */
export const PUBLIC_QUESTION_LANGUAGES = ['fr', 'nl'] as const;
export type PublicQuestionLanguage = (typeof PUBLIC_QUESTION_LANGUAGES)[number];

/** A question asked on the public form, without login. */
export const PublicQuestion = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: PublicQuestionLimits.nameMax }),
    email: Type.String({ format: 'email', maxLength: PublicQuestionLimits.emailMax }),
    language: Type.Enum([...PUBLIC_QUESTION_LANGUAGES]),
    question: Type.String({
      minLength: PublicQuestionLimits.questionMin,
      maxLength: PublicQuestionLimits.questionMax,
    }),
    phone: Type.Optional(
      Type.String({ pattern: '^\\+?[0-9 ./()-]{6,30}$', maxLength: PublicQuestionLimits.phoneMax }),
    ),
    niss: Type.Optional(Niss),
    enterprise_number: Type.Optional(EnterpriseNumber),
    fund: Type.Optional(Code),
    theme: Type.Optional(Code),
    website: Type.Optional(
      Type.String({
        maxLength: PublicQuestionLimits.honeypotMax,
        description: 'Leave empty: a field people never see (robots fill it in).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PublicQuestion = Static<typeof PublicQuestion>;

/** The reference of the question asked: what the person quotes when they call or write. */
export const PublicQuestionReceived = Type.Object({ ref: Type.String({ example: 'Q-2020-004512' }) });
export type PublicQuestionReceived = Static<typeof PublicQuestionReceived>;

/** A person shown an FAQ entry while typing said it answered their question (and sent nothing). */
export const PublicDeflection = Type.Object(
  {
    entry_ref: Type.String({ minLength: 1, maxLength: 20, example: 'FAQ-0012' }),
    language: Type.Enum([...PUBLIC_QUESTION_LANGUAGES]),
  },
  { additionalProperties: false },
);
export type PublicDeflection = Static<typeof PublicDeflection>;
