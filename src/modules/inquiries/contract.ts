/**
 * What the web app and partner funds may know of the inquiries module: its words, its limits, and
 * the schema of every request and answer of its API (TypeBox; the schema is the type: each `X`
 * below has its `type X = Static<typeof X>`). The inquiries API speaks snake_case
 * (`enterprise_number`, `as_of`): it is the contract partner funds integrate with, as the issue that
 * defined it wrote it. The parts live in contract/, one file per resource.
 */

export {
  AttachmentSaved,
  NewAttachment,
} from './contract/attachments.js';
export {
  CallbackAttempt,
  CallbackAttemptResult,
  CallbackPage,
  CallbackQuery,
  CallbackView,
} from './contract/callbacks.js';
export {
  CALL_BATCH_MAX,
  CALL_GROUPINGS,
  CALL_LANGUAGES,
  CALL_OUTCOMES,
  CallBatch,
  CallBatchResult,
  type CallGrouping,
  CallId,
  CallLink,
  CallLinkView,
  type CallOutcome,
  CallRecord,
  type CallStats,
  CallStatsQuery,
  CallStatsView,
} from './contract/calls.js';
export {
  FIGURES_TABLES,
  FiguresQuery,
  type FiguresTable,
  type InquiryFigures,
  InquiryFiguresView,
} from './contract/figures.js';
export {
  AssetTagParams,
  AssetTicket,
  AssetTicketList,
  type AssetTicketView,
  HELPDESK_CATEGORIES,
  HELPDESK_FIGURES_TABLES,
  HELPDESK_TEAM_CODE,
  type HelpdeskCategory,
  type HelpdeskFigures,
  HelpdeskFiguresQuery,
  HelpdeskFiguresView,
  NewTicket,
  TICKET_LANGUAGES,
  TicketAnswer,
  TicketDetail,
  type TicketDetailView,
  TicketListQuery,
  TicketMessage,
  TicketPage,
  TicketSummary,
  type TicketSummaryView,
} from './contract/helpdesk.js';
export {
  AttachmentView,
  DeadlinesView,
  FlagView,
  InquiryCallView,
  InquiryDetail,
  type InquiryDetailView,
  InquiryListQuery,
  InquiryPage,
  InquirySummary,
  type InquirySummaryView,
  MessageView,
  NewInquiry,
  RequesterInput,
  RequesterView,
  SocialInput,
  TeamView,
  ThreadEvent,
  type ThreadEventView,
} from './contract/inquiries.js';
export {
  AttachmentParams,
  CreatedId,
  IdempotencyHeaders,
  IdParams,
  INQUIRY_REF_PATTERN,
  InquiryRef,
  Note,
  RefParams,
} from './contract/parameters.js';
export {
  PartnerAnswer,
  PartnerQuestion,
  PartnerRequestPage,
  PartnerRequestQuery,
  PartnerRequestView,
} from './contract/partner-requests.js';
export {
  PUBLIC_QUESTION_LANGUAGES,
  PublicDeflection,
  PublicQuestion,
  type PublicQuestionLanguage,
  PublicQuestionLimits,
  PublicQuestionReceived,
} from './contract/public-questions.js';
export {
  RetentionRuns,
  RetentionRunView,
} from './contract/retention.js';
export {
  CALLBACK_FALLBACKS,
  CALLBACK_OUTCOMES,
  CALLBACK_STATUSES,
  type CallbackFallback,
  type CallbackOutcome,
  type CallbackStatus,
  CHANNELS,
  type Channel,
  DELIVERIES,
  type Delivery,
  FLAG_KINDS,
  type FlagKind,
  INQUIRY_LANGUAGES,
  type InquiryLanguage,
  InquiryLimits,
  MAX_FIGURES_DAYS,
  MESSAGE_KINDS,
  type MessageKind,
  ORIGINS,
  type Origin,
  PARTNER_REQUEST_STATUSES,
  type PartnerRequestStatus,
  SOCIAL_PLATFORMS,
  SocialLimits,
  type SocialPlatform,
  STATUSES,
  type Status,
  THREAD_EVENT_KINDS,
  type ThreadEventKind,
} from './contract/vocabulary.js';
export {
  AnswerFromFaq,
  Closing,
  Escalation,
  ExpertAnswer,
  FaqDraftProposed,
  FaqProposal,
  Link,
  Linked,
  NewFlag,
  NewMessage,
  Reassigned,
  Reassignment,
  SimilarInquiry,
  SimilarQuery,
} from './contract/work.js';
