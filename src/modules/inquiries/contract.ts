import { type Static, type TInteger, Type } from 'typebox';
// The shared wire shapes of the platform, until the platform has contracts of its own to take them from.
import { ExportFormatParam } from '../../platform/exports/table.js';
import { EnterpriseNumber, Instant, IsoDate, Niss, Nullable } from '../../platform/http/validation.js';
import { MAIL_STATUSES } from '../../platform/mail/tables.js';

// What the web app and partner funds may know of the inquiries module: its words, its limits, and
// the schema of every request and answer of its API (the schema is the type: `Static<>` of it).
// The inquiries API speaks snake_case (`enterprise_number`, `as_of`): it is the contract partner
// funds integrate with, as the issue that defined it wrote it.

// ---- Vocabularies ------------------------------------------------------------------------------

export const CHANNELS = ['phone', 'email', 'web', 'partner', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Who is asking: management wants volumes by origin (in 2020 the crisis mailbox received all of these). */
export const ORIGINS = [
  'self_employed',
  'fund',
  'minister_office',
  'complaints_service',
  'expert_cell',
  'internal_service',
] as const;
export type Origin = (typeof ORIGINS)[number];

export const STATUSES = [
  'new',
  'answered',
  'escalated',
  'in_research',
  'waiting_partner',
  'callback_pending',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];

export const INQUIRY_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type InquiryLanguage = (typeof INQUIRY_LANGUAGES)[number];

/** A thread's messages: what came in, what went out, notes between colleagues, and the answer. */
export const MESSAGE_KINDS = ['incoming', 'outgoing', 'note', 'answer'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Things noticed during a call that someone must follow up, recorded on the inquiry. */
export const FLAG_KINDS = [
  'coverage_problem',
  'payment_problem',
  'vulnerable_person',
  'moral_support_referral',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** How the expert's answer reaches the person. */
export const DELIVERIES = ['callback', 'mail', 'letter', 'none'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const CALLBACK_OUTCOMES = ['reached', 'no_answer', 'voicemail'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const CALLBACK_STATUSES = ['pending', 'done', 'gave_up'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** How the answer goes once the person could not be reached after the last attempt. */
export const CALLBACK_FALLBACKS = ['mail', 'letter'] as const;
export type CallbackFallback = (typeof CALLBACK_FALLBACKS)[number];

export const PARTNER_REQUEST_STATUSES = ['open', 'answered'] as const;
export type PartnerRequestStatus = (typeof PARTNER_REQUEST_STATUSES)[number];

// ---- Limits ------------------------------------------------------------------------------------

export const InquiryLimits = { questionMax: 20_000, messageMax: 50_000, noteMax: 2_000 } as const;

/** At most a year of figures at once: a parliamentary question asks for a year, and the answer stays quick. */
export const MAX_FIGURES_DAYS = 366;

// ---- Parameters --------------------------------------------------------------------------------

export const INQUIRY_REF_PATTERN = '^Q-[0-9]{4}-[0-9]{6}$';
export const InquiryRef = Type.String({ pattern: INQUIRY_REF_PATTERN, example: 'Q-2020-004512' });
// The knowledge module's entry reference (its `Ref`), written out: its index.ts would bring the
// server into the web bundle. Take it from the knowledge contract once there is one.
const FaqRef = Type.String({ pattern: '^FAQ-[0-9]{4,7}$', example: 'FAQ-0012' });

const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' });
const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const RefParams = Type.Object({ ref: InquiryRef });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const AttachmentParams = Type.Object({ ref: InquiryRef, id: Type.String({ format: 'uuid' }) });
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' }),
  ),
});

// ---- Inquiries: logging, finding, reading ------------------------------------------------------

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
export type DeadlinesView = Static<typeof DeadlinesView>;

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
export type InquirySummaryView = Static<typeof InquirySummary>;

export const InquiryPage = Type.Object({ items: Type.Array(InquirySummary), total: Type.Integer() });
export type InquiryPage = Static<typeof InquiryPage>;

export const AttachmentView = Type.Object({
  id: Type.String(),
  filename: Type.String(),
  content_type: Type.String(),
  size_bytes: Type.Integer(),
  created_at: Instant,
});
export type AttachmentView = Static<typeof AttachmentView>;

export const InquiryDetail = Type.Intersect([
  InquirySummary,
  Type.Object({
    messages: Type.Array(MessageView),
    flags: Type.Array(FlagView),
    attachments: Type.Array(AttachmentView),
  }),
]);
export type InquiryDetailView = Static<typeof InquiryDetail>;

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

export const TeamView = Type.Object({
  code: Type.String(),
  name_fr: Type.String(),
  name_nl: Type.String(),
  first_answer_minutes: Type.Integer(),
  resolution_minutes: Type.Integer(),
  /** Whether the caller is one of its members (members take its inquiries from the queue). */
  is_member: Type.Boolean(),
});
export type TeamView = Static<typeof TeamView>;

// ---- Work on an inquiry: thread, flags, answer, escalation, assignment, links ------------------

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
export type NewMessage = Static<typeof NewMessage>;

/** The answer to something created that the caller refers to by its id afterwards. */
export const CreatedId = Type.Object({ id: Type.String() });
export type CreatedId = Static<typeof CreatedId>;

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
export const FaqDraftProposed = Type.Object({ entry_ref: Type.String() });
export type FaqDraftProposed = Static<typeof FaqDraftProposed>;

// ---- Attachments -------------------------------------------------------------------------------

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
export type NewAttachment = Static<typeof NewAttachment>;
export const AttachmentSaved = Type.Object({ id: Type.String(), size_bytes: Type.Integer() });

// ---- Requests to partner funds -----------------------------------------------------------------

export const PartnerQuestion = Type.Object({ fund: Code, question: Note }, { additionalProperties: false });
export const PartnerAnswer = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: InquiryLimits.messageMax }) },
  { additionalProperties: false },
);
export const PartnerRequestQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...PARTNER_REQUEST_STATUSES])), ...PageQuery },
  { additionalProperties: false },
);
export const PartnerRequestView = Type.Object({
  id: Type.String(),
  inquiry_ref: Type.String(),
  fund: Type.String(),
  question: Type.String(),
  status: Type.Enum([...PARTNER_REQUEST_STATUSES]),
  asked_at: Instant,
  answer: Nullable(Type.String()),
  answered_at: Nullable(Instant),
  /** Who the file is about: the fund needs it to find the file (reading it is audited). */
  person: Type.Object({
    name: Nullable(Type.String()),
    niss: Nullable(Type.String()),
    enterprise_number: Nullable(Type.String()),
  }),
});
export type PartnerRequestView = Static<typeof PartnerRequestView>;
export const PartnerRequestPage = Type.Object({
  items: Type.Array(PartnerRequestView),
  total: Type.Integer(),
});
export type PartnerRequestPage = Static<typeof PartnerRequestPage>;

// ---- Callbacks ---------------------------------------------------------------------------------

export const CallbackQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...CALLBACK_STATUSES], { default: 'pending' })), ...PageQuery },
  { additionalProperties: false },
);
export const CallbackView = Type.Object({
  id: Type.String(),
  inquiry_ref: Type.String(),
  language: Type.String(),
  question: Type.String(),
  requester_name: Nullable(Type.String()),
  status: Type.Enum([...CALLBACK_STATUSES]),
  due_at: Instant,
  attempts: Type.Integer(),
  max_attempts: Type.Integer(),
  claimed_by: Nullable(Type.String()),
  fallback: Nullable(Type.Enum([...CALLBACK_FALLBACKS])),
});
export type CallbackView = Static<typeof CallbackView>;
export const CallbackPage = Type.Object({ items: Type.Array(CallbackView), total: Type.Integer() });
export type CallbackPage = Static<typeof CallbackPage>;
export const CallbackAttempt = Type.Object(
  {
    outcome: Type.Enum([...CALLBACK_OUTCOMES]),
    note: Type.Optional(Type.String({ maxLength: InquiryLimits.noteMax })),
  },
  { additionalProperties: false },
);
/** Where the callback stands after an attempt (the API names the status as a plain string). */
export const CallbackAttemptResult = Type.Object({ status: Type.String(), due_at: Type.String() });

// ---- Figures -----------------------------------------------------------------------------------

export const FiguresQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), format: ExportFormatParam },
  { additionalProperties: false },
);
const CountsOf = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((key) => [key, Type.Integer()])) as Record<K, TInteger>);
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
  /** Every day of the period, the quiet ones too (a chart with gaps would hide them). */
  days: Type.Array(Type.Object({ day: IsoDate, total: Type.Integer(), by_origin: CountsOf(ORIGINS) })),
});
export type InquiryFigures = Static<typeof InquiryFiguresView>;

// ---- Retention ---------------------------------------------------------------------------------

export const RetentionRunView = Type.Object({
  id: Type.String(),
  cutoff: Type.String(),
  anonymised: Type.Integer(),
  started_at: Type.String(),
  finished_at: Type.String(),
});
export type RetentionRunView = Static<typeof RetentionRunView>;
export const RetentionRuns = Type.Object({
  retention_days: Type.Integer(),
  runs: Type.Array(RetentionRunView),
});
