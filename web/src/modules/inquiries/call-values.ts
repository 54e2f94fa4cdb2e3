import type { Channel, NewInquiry, Origin, SocialPlatform } from './api.js';

/** What the agent fills in for one call: the call itself, then who is calling (all optional). */
export type CallValues = {
  language: 'fr' | 'nl';
  channel: Channel;
  origin: Origin;
  question: string;
  name: string;
  niss: string;
  enterprise_number: string;
  phone: string;
  email: string;
  /** Channel `social`: the network the private message came from, and the sender's name there. */
  social_platform: SocialPlatform;
  social_handle: string;
  /** Channel `phone`: the telephony line the agent sits on ('' when not said), kept from call to call. */
  line: string;
};

/** The lines the new-call screen offers (the institute's telephony has six). */
export const PHONE_LINES = [1, 2, 3, 4, 5, 6] as const;

export const REQUESTER_KEYS = ['name', 'niss', 'enterprise_number', 'phone', 'email'] as const;
export type RequesterKey = (typeof REQUESTER_KEYS)[number];

/** The fields as the server names them in its errors, so each error lands beside its input. */
export const CALL_FIELDS = [
  'question',
  'language',
  'channel',
  'origin',
  ...REQUESTER_KEYS.map((key) => `requester.${key}`),
  'social',
  'social.platform',
  'social.handle',
  'line',
] as const;

export const emptyCall = (language: 'fr' | 'nl', line = ''): CallValues => ({
  language,
  channel: 'phone',
  origin: 'self_employed',
  question: '',
  name: '',
  niss: '',
  enterprise_number: '',
  phone: '',
  email: '',
  social_platform: 'facebook',
  social_handle: '',
  line,
});

/** The API body: text trimmed, empty identification left out (an empty NISS is no NISS). */
export function toNewInquiry(values: CallValues): NewInquiry {
  const requester: NonNullable<NewInquiry['requester']> = {};
  for (const key of REQUESTER_KEYS) {
    const value = values[key].trim();
    if (value) requester[key] = value;
  }
  return {
    channel: values.channel,
    language: values.language,
    origin: values.origin,
    question: values.question.trim(),
    ...(Object.keys(requester).length > 0 && { requester }),
    ...(values.channel === 'social' && {
      social: { platform: values.social_platform, handle: values.social_handle.trim() },
    }),
    ...(values.channel === 'phone' && values.line !== '' && { line: Number(values.line) }),
  };
}

/**
 * What the call cannot be logged without: the question, and for a private message on a social
 * network the sender's name there (without it nobody can answer). Named as the API names them.
 */
export function missingCallFields(values: CallValues): string[] {
  return [
    ...(values.question.trim() ? [] : ['question']),
    ...(values.channel === 'social' && !values.social_handle.trim() ? ['social.handle'] : []),
  ];
}

export const hasIdentification = (values: CallValues): boolean =>
  REQUESTER_KEYS.some((key) => values[key].trim() !== '');

/**
 * A fresh idempotency key for one call. `crypto.randomUUID` exists only on HTTPS pages; random
 * bytes work everywhere.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `call-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The FAQ search accepts 200 characters: a long question is searched by its first words. */
export function suggestionQuery(question: string, max = 200): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : cut;
}

/**
 * The suggestion chosen after an arrow key: down from none takes the first, up from the first
 * lets go (back to typing). A choice no longer in the list is kept until another is made, so an
 * answer arriving late never swaps the entry the agent picked.
 */
export function moveChoice(refs: readonly string[], chosen: string | null, delta: 1 | -1): string | null {
  if (refs.length === 0) return chosen;
  const index = chosen ? refs.indexOf(chosen) : -1;
  if (index < 0) return delta > 0 ? (refs[0] ?? null) : chosen;
  const next = index + delta;
  if (next < 0) return null;
  return refs[Math.min(next, refs.length - 1)] ?? null;
}

/** An inquiry reference in groups a caller can write down: `Q-2020-004512` → `Q 2020 004 512`. */
export function refForPhone(ref: string): string {
  const match = /^Q-(\d{4})-(\d{3})(\d{3})$/.exec(ref);
  return match ? `Q ${match[1]} ${match[2]} ${match[3]}` : ref;
}
