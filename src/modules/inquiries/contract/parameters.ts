import { type Static, Type } from 'typebox';
import { InquiryLimits } from './vocabulary.js';

export const INQUIRY_REF_PATTERN = '^Q-[0-9]{4}-[0-9]{6}$';
export const InquiryRef = Type.String({ pattern: INQUIRY_REF_PATTERN, example: 'Q-2020-004512' });
// The knowledge module's entry reference, from its contract (its index.ts would bring the server
// into the web bundle).
export { Ref as FaqRef } from '../../knowledge/contract.js';

/** A team's, fund's or theme's code. */
export const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' });
export const PageQuery = {
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

export const Note = Type.String({ minLength: 1, maxLength: InquiryLimits.noteMax });

/** The answer to something created that the caller refers to by its id afterwards. */
export const CreatedId = Type.Object({ id: Type.String() });
export type CreatedId = Static<typeof CreatedId>;
