// The words of the inquiries module and its limits: the API schemas, the rules and the screens all
// take their lists from here.

export const CHANNELS = ['phone', 'email', 'web', 'partner', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The social networks a private message (channel `social`) comes from; `other` for the rest. */
export const SOCIAL_PLATFORMS = ['facebook', 'x', 'linkedin', 'instagram', 'other'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/**
 * A person's name on a network (`@marie.dupont`, "Marie Dupont"): short, on one line, and no markup
 * (the agent pastes it into a search box; a `<` has no business in it).
 */
export const SocialLimits = {
  handleMax: 100,
  handlePattern: '^[^<>\\u0000-\\u001f\\u007f]*$',
} as const;

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

/**
 * What the thread shows beside the messages, each with who and when: a status change (the closing
 * with its reason), a call made to reach the person (outcome and note), a mail going out (sent or
 * failed), an answer given from an FAQ entry, and the answer proposed as one.
 */
export const THREAD_EVENT_KINDS = [
  'status_changed',
  'callback_attempt',
  'mail',
  'faq_linked',
  'faq_proposed',
] as const;
export type ThreadEventKind = (typeof THREAD_EVENT_KINDS)[number];

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

export const InquiryLimits = { questionMax: 20_000, messageMax: 50_000, noteMax: 2_000 } as const;

/** At most a year of figures at once: a parliamentary question asks for a year, and the answer stays quick. */
export const MAX_FIGURES_DAYS = 366;
