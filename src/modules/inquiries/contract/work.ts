import { type Static, Type } from 'typebox';
import { Code, FaqRef, InquiryRef, Note } from './parameters.js';
import { IsoDate, Nullable } from './platform-schemas.js';
import { DELIVERIES, FLAG_KINDS, InquiryLimits, STATUSES } from './vocabulary.js';

export const AnswerFromFaq = Type.Object(
  {
    entry_ref: FaqRef,
    note: Type.Optional(Type.String({ maxLength: InquiryLimits.noteMax })),
    keep_open: Type.Optional(
      Type.Boolean({ description: 'Keep the inquiry open (closed by default: the call is done)' }),
    ),
  },
  { additionalProperties: false },
);

export const Escalation = Type.Object({ team: Code, note: Note }, { additionalProperties: false });

export const NewMessage = Type.Object(
  {
    kind: Type.Enum(['incoming', 'outgoing', 'note']),
    body: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }),
    via: Type.Optional(Type.Enum(['phone', 'email', 'letter', 'portal'])),
  },
  { additionalProperties: false },
);
export type NewMessage = Static<typeof NewMessage>;

export const NewFlag = Type.Object(
  {
    kind: Type.Enum([...FLAG_KINDS]),
    note: Type.Optional(Type.String({ maxLength: InquiryLimits.noteMax })),
  },
  { additionalProperties: false },
);

export const Closing = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: InquiryLimits.noteMax })) },
  { additionalProperties: false },
);

export const ExpertAnswer = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }),
    delivery: Type.Enum([...DELIVERIES], {
      description: 'callback: a task in the agents’ pool; mail or letter: recorded as sent, inquiry closed',
    }),
  },
  { additionalProperties: false },
);

export const Reassignment = Type.Object(
  {
    refs: Type.Array(InquiryRef, { minItems: 1, maxItems: 500 }),
    assignee: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    team: Type.Optional(Code),
  },
  { additionalProperties: false },
);
export type Reassignment = Static<typeof Reassignment>;
export const Reassigned = Type.Object({ reassigned: Type.Integer() });
export type Reassigned = Static<typeof Reassigned>;

export const SimilarQuery = Type.Object(
  {
    question: Type.String({ minLength: 1, maxLength: InquiryLimits.questionMax }),
    theme: Type.Optional(Code),
    exclude: Type.Optional(InquiryRef),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
  },
  { additionalProperties: false },
);
export const SimilarInquiry = Type.Object({
  ref: Type.String(),
  question: Type.String(),
  status: Type.Enum([...STATUSES]),
  score: Type.Number(),
  linked_to: Nullable(Type.String()),
});
export type SimilarInquiry = Static<typeof SimilarInquiry>;
export const Link = Type.Object({ to: InquiryRef }, { additionalProperties: false });
export const Linked = Type.Object({ linked_to: Type.String() });

export const FaqProposal = Type.Object(
  {
    theme: Type.Optional(Code),
    audience: Type.Optional(Type.Enum(['public', 'partners', 'internal'])),
    valid_from: Type.Optional(IsoDate),
    question: Type.Optional(Type.String({ minLength: 1, maxLength: 2_000 })),
    answer: Type.Optional(Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax })),
  },
  { additionalProperties: false },
);
export type FaqProposal = Static<typeof FaqProposal>;
export const FaqDraftProposed = Type.Object({
  entry_ref: Type.String(),
  next_step: Type.Enum(['translation', 'review', 'submission'], {
    description:
      "where the draft waits now: its translation (the FAQ's translation queue), review, or its writer's submission for review",
  }),
  awaits_language: Type.Union([Type.Enum(['fr', 'nl']), Type.Null()], {
    description: 'the language the draft waits to be translated into, while next_step is translation',
  }),
});
export type FaqDraftProposed = Static<typeof FaqDraftProposed>;
