import { type Static, Type } from 'typebox';
import { Code, Note, PageQuery } from './parameters.js';
import { Instant, Nullable } from './platform-schemas.js';
import { InquiryLimits, PARTNER_REQUEST_STATUSES } from './vocabulary.js';

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
