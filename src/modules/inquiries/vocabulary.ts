// The words of the inquiries module, in one place: the API schemas, the rules and the screens all
// take their lists from here.

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

/** The origin an inquiry gets when the caller does not say: a fund's own channel speaks for the fund. */
export const defaultOrigin = (channel: Channel): Origin => (channel === 'partner' ? 'fund' : 'self_employed');
