import { type Static, Type } from 'typebox';
import { Code, PageQuery } from './parameters.js';
import {
  EnterpriseNumber,
  ExportFormatParam,
  Instant,
  MAIL_STATUSES,
  Niss,
  Nullable,
} from './platform-schemas.js';
import {
  CALLBACK_OUTCOMES,
  CHANNELS,
  FLAG_KINDS,
  INQUIRY_LANGUAGES,
  InquiryLimits,
  MESSAGE_KINDS,
  ORIGINS,
  SOCIAL_PLATFORMS,
  SocialLimits,
  STATUSES,
  THREAD_EVENT_KINDS,
} from './vocabulary.js';

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

/** Where a private message on a social network came from: the network and the sender's name there. */
export const SocialInput = Type.Object(
  {
    platform: Type.Enum([...SOCIAL_PLATFORMS]),
    handle: Type.String({
      minLength: 1,
      maxLength: SocialLimits.handleMax,
      pattern: SocialLimits.handlePattern,
    }),
  },
  { additionalProperties: false },
);
export type SocialInput = Static<typeof SocialInput>;

export const NewInquiry = Type.Object(
  {
    channel: Type.Enum([...CHANNELS]),
    language: Type.Enum([...INQUIRY_LANGUAGES]),
    question: Type.String({ minLength: 1, maxLength: InquiryLimits.questionMax }),
    origin: Type.Optional(Type.Enum([...ORIGINS])),
    theme: Type.Optional(Code),
    requester: Type.Optional(RequesterInput),
    /** Required with channel `social`, refused with any other. */
    social: Type.Optional(SocialInput),
    /**
     * Channel `phone`: the telephony line the call was taken on (refused with any other channel);
     * the call record of that line and time then links to the inquiry.
     */
    line: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
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

/** One thing that happened on the inquiry, with who did it and when; the fields its kind gives. */
export const ThreadEvent = Type.Object({
  kind: Type.Enum([...THREAD_EVENT_KINDS]),
  at: Instant,
  actor: Nullable(PersonRef),
  /** `status_changed`: from which status (null when the inquiry was logged) to which. */
  from_status: Type.Optional(Nullable(Type.Enum([...STATUSES]))),
  to_status: Type.Optional(Type.Enum([...STATUSES])),
  /** `callback_attempt`: whether the person was reached. */
  outcome: Type.Optional(Type.Enum([...CALLBACK_OUTCOMES])),
  /** `callback_attempt`: the agent's note; `status_changed`: the reason given (why it was closed). */
  note: Type.Optional(Nullable(Type.String())),
  /** `mail`: still queued, sent, or failed after its last try. */
  mail_status: Type.Optional(Type.Enum([...MAIL_STATUSES])),
  /** `faq_linked`: the entry and version the answer came from; `faq_proposed`: the draft. */
  entry_ref: Type.Optional(Type.String()),
  entry_version: Type.Optional(Type.Integer()),
  /** `faq_proposed`: the theme the proposal chose. */
  theme: Type.Optional(Nullable(Type.String())),
});
export type ThreadEventView = Static<typeof ThreadEvent>;

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
  /** A private message's network and sender (channel `social`); the handle masked as the requester's data is. */
  social: Nullable(Type.Object({ platform: Type.Enum([...SOCIAL_PLATFORMS]), handle: Type.String() })),
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
  /** When a fund's answer brought it back to research; null again once the expert moves it on. */
  partner_answered_at: Nullable(Instant),
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

/** The telephony's record of the call a phone inquiry was logged for. */
export const InquiryCallView = Type.Object({
  call_id: Type.String(),
  line: Type.Integer(),
  received_at: Instant,
  answered_at: Nullable(Instant),
  ended_at: Instant,
  /** Seconds from arrival to answer. */
  wait_s: Nullable(Type.Integer()),
});
export type InquiryCallView = Static<typeof InquiryCallView>;

export const InquiryDetail = Type.Intersect([
  InquirySummary,
  Type.Object({
    /** Channel `phone`: the line the agent took the call on, when the console said. */
    line: Nullable(Type.Integer()),
    /** Channel `phone`: the call record linked to it (by line and time, or named by the console). */
    call: Nullable(InquiryCallView),
    messages: Type.Array(MessageView),
    /** Everything else that happened, oldest first (none for a fund: the institute's working records). */
    events: Type.Array(ThreadEvent),
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
  /** How many inquiries not closed the team holds (the queue opens on a team that has work). */
  open_inquiries: Type.Integer(),
});
export type TeamView = Static<typeof TeamView>;
