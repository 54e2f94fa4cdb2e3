import { type Static, Type } from 'typebox';
import { ExportFormatParam } from '../../platform/exports/table.js';
import { EnterpriseNumber, Instant, IsoDate, Niss, Nullable } from '../../platform/http/validation.js';
import { MAIL_STATUSES } from '../../platform/mail/tables.js';
import { FaqRef } from '../knowledge/index.js';
import { DELIVERIES } from './answer.js';
import { CALLBACK_OUTCOMES } from './callback-policy.js';
import { INQUIRY_REF_PATTERN } from './refs.js';
import { CHANNELS, FLAG_KINDS, INQUIRY_LANGUAGES, MESSAGE_KINDS, ORIGINS, STATUSES } from './vocabulary.js';

// The inquiries API speaks snake_case (`enterprise_number`, `as_of`): it is the contract partner
// funds integrate with, as the issue that defined it wrote it.

export const InquiryLimits = { questionMax: 20_000, messageMax: 50_000, noteMax: 2_000 } as const;

const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' });
const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const InquiryRef = Type.String({ pattern: INQUIRY_REF_PATTERN, example: 'Q-2020-004512' });

export const RequesterInput = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    niss: Type.Optional(Niss),
    enterprise_number: Type.Optional(EnterpriseNumber),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 ./()-]{6,30}$' })),
    fund: Type.Optional(Code),
  },
  { additionalProperties: false },
);

export const NewInquiry = Type.Object(
  {
    channel: Type.Enum([...CHANNELS]),
    language: Type.Enum([...INQUIRY_LANGUAGES]),
    question: Type.String({ minLength: 1, maxLength: InquiryLimits.questionMax }),
    origin: Type.Optional(Type.Enum([...ORIGINS])),
    theme: Type.Optional(Code),
    requester: Type.Optional(RequesterInput),
  },
  { additionalProperties: false },
);
export type NewInquiry = Static<typeof NewInquiry>;

const PersonRef = Type.Object({ id: Type.String(), name: Type.String() });
const TeamRef = Type.Object({ code: Type.String(), name_fr: Type.String(), name_nl: Type.String() });

export const RequesterView = Type.Object({
  name: Nullable(Type.String()),
  niss: Nullable(Type.String()),
  enterprise_number: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  fund: Nullable(Type.String()),
  /** True when NISS, e-mail and phone are masked for the caller's role. */
  masked: Type.Boolean(),
});

export const MessageView = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...MESSAGE_KINDS]),
  body: Type.String(),
  via: Nullable(Type.String()),
  /** For a message that went out by mail: still queued, sent, or failed after its last try. */
  mail_status: Nullable(Type.Enum([...MAIL_STATUSES])),
  author: Nullable(PersonRef),
  created_at: Instant,
});

export const FlagView = Type.Object({
  kind: Type.Enum([...FLAG_KINDS]),
  note: Nullable(Type.String()),
  created_at: Instant,
});

const Timer = Type.Object({
  state: Type.Enum(['met', 'on_track', 'due_soon', 'overdue', 'paused']),
  due_at: Nullable(Instant),
  remaining_minutes: Type.Integer({ description: 'Business minutes left (negative when late)' }),
  paused_since: Nullable(Instant),
  breached: Type.Boolean(),
});
/** Service-level deadlines, once a team holds the inquiry (business hours, paused while waiting). */
export const DeadlinesView = Type.Object({ first_answer: Timer, resolution: Timer });

export const InquirySummary = Type.Object({
  ref: Type.String(),
  channel: Type.Enum([...CHANNELS]),
  origin: Type.Enum([...ORIGINS]),
  language: Type.Enum([...INQUIRY_LANGUAGES]),
  status: Type.Enum([...STATUSES]),
  theme: Nullable(Type.String()),
  question: Type.String(),
  requester: RequesterView,
  team: Nullable(TeamRef),
  assignee: Nullable(PersonRef),
  answer_entry: Nullable(Type.Object({ ref: Type.String(), version: Type.Integer() })),
  /** The FAQ draft this inquiry's answer was proposed as. */
  faq_draft: Nullable(Type.String()),
  deadlines: Nullable(DeadlinesView),
  /** The inquiry whose answer this one will get. */
  linked_to: Nullable(Type.String()),
  created_at: Instant,
  updated_at: Instant,
  first_answered_at: Nullable(Instant),
  closed_at: Nullable(Instant),
});

export const AttachmentView = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  content_type: Type.String(),
  size_bytes: Type.Integer(),
  created_at: Instant,
});

export const InquiryDetail = Type.Intersect([
  InquirySummary,
  Type.Object({
    messages: Type.Array(MessageView),
    flags: Type.Array(FlagView),
    attachments: Type.Array(AttachmentView),
  }),
]);

export const InquiryListQuery = Type.Object(
  {
    channel: Type.Optional(Type.Enum([...CHANNELS])),
    status: Type.Optional(Type.Enum([...STATUSES])),
    origin: Type.Optional(Type.Enum([...ORIGINS])),
    team: Type.Optional(Code),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    assignee: Type.Optional(
      Type.Union([Type.Literal('me'), Type.Literal('none'), Type.String({ format: 'uuid' })], {
        description: '`me` for my work, `none` for what nobody has taken yet',
      }),
    ),
    open: Type.Optional(Type.Boolean({ description: 'Only inquiries not closed' })),
    format: ExportFormatParam,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type InquiryListQuery = Static<typeof InquiryListQuery>;

export const Note = Type.String({ minLength: 1, maxLength: InquiryLimits.noteMax });

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

export const TeamView = Type.Object({
  code: Type.String(),
  name_fr: Type.String(),
  name_nl: Type.String(),
  first_answer_minutes: Type.Integer(),
  resolution_minutes: Type.Integer(),
  /** Whether the caller is one of its members (members take its inquiries from the queue). */
  is_member: Type.Boolean(),
});

export const ExpertAnswer = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }),
    delivery: Type.Enum([...DELIVERIES], {
      description: 'callback: a task in the agents’ pool; mail or letter: recorded as sent, inquiry closed',
    }),
  },
  { additionalProperties: false },
);

export const PartnerQuestion = Type.Object({ fund: Code, question: Note }, { additionalProperties: false });
export const PartnerAnswer = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }) },
  { additionalProperties: false },
);
export const PartnerRequestQuery = Type.Object(
  { status: Type.Optional(Type.Enum(['open', 'answered'])), ...PageQuery },
  { additionalProperties: false },
);
export const PartnerRequestView = Type.Object({
  id: Type.String(),
  inquiry_ref: Type.String(),
  fund: Type.String(),
  question: Type.String(),
  status: Type.Enum(['open', 'answered']),
  asked_at: Instant,
  answer: Nullable(Type.String()),
  answered_at: Nullable(Instant),
  person: Type.Object({
    name: Nullable(Type.String()),
    niss: Nullable(Type.String()),
    enterprise_number: Nullable(Type.String()),
  }),
});

export const CallbackQuery = Type.Object(
  { status: Type.Optional(Type.Enum(['pending', 'done', 'gave_up'], { default: 'pending' })), ...PageQuery },
  { additionalProperties: false },
);
export const CallbackView = Type.Object({
  id: Type.String(),
  inquiry_ref: Type.String(),
  language: Type.String(),
  question: Type.String(),
  requester_name: Nullable(Type.String()),
  status: Type.Enum(['pending', 'done', 'gave_up']),
  due_at: Instant,
  attempts: Type.Integer(),
  max_attempts: Type.Integer(),
  claimed_by: Nullable(Type.String()),
  fallback: Nullable(Type.Enum(['mail', 'letter'])),
});
export const CallbackAttempt = Type.Object(
  {
    outcome: Type.Enum([...CALLBACK_OUTCOMES]),
    note: Type.Optional(Type.String({ maxLength: InquiryLimits.noteMax })),
  },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

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

export const Reassignment = Type.Object(
  {
    refs: Type.Array(InquiryRef, { minItems: 1, maxItems: 500 }),
    assignee: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    team: Type.Optional(Code),
  },
  { additionalProperties: false },
);

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
export const Link = Type.Object({ to: InquiryRef }, { additionalProperties: false });

export const NewAttachment = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' }),
    content_type: Type.String({ minLength: 3, maxLength: 100 }),
    content_base64: Type.String({
      minLength: 1,
      maxLength: 7_000_000,
      description: 'The file, base64 (at most 5 MB)',
    }),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), format: ExportFormatParam },
  { additionalProperties: false },
);
const CountsOf = (keys: readonly string[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Integer()])));
export const InquiryFiguresView = Type.Object({
  from: IsoDate,
  to: IsoDate,
  total: Type.Integer(),
  by_origin: CountsOf(ORIGINS),
  by_channel: CountsOf(CHANNELS),
  by_status: CountsOf(STATUSES),
  by_language: CountsOf(INQUIRY_LANGUAGES),
  by_team: Type.Array(
    Type.Object({
      code: Nullable(Type.String()),
      name_fr: Nullable(Type.String()),
      name_nl: Nullable(Type.String()),
      count: Type.Integer(),
    }),
  ),
  days: Type.Array(Type.Object({ day: IsoDate, total: Type.Integer(), by_origin: CountsOf(ORIGINS) })),
});
