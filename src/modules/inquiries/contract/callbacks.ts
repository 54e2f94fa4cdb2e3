import { type Static, Type } from 'typebox';
import { PageQuery } from './parameters.js';
import { Instant, Nullable } from './platform-schemas.js';
import { CALLBACK_FALLBACKS, CALLBACK_OUTCOMES, CALLBACK_STATUSES, InquiryLimits } from './vocabulary.js';

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
