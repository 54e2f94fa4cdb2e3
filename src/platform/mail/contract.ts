import { type Static, Type } from 'typebox';
import { Instant, Nullable, Pagination } from '../http/contract.js';

// The outbox as the admin's screen and API clients see it. A contract: TypeBox and other contracts
// only; sending and retrying are in outbox.ts and sender.ts.

export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const OutboxEntrySchema = Type.Object({
  id: Type.String(),
  // The domain only: enough to see which relay refuses, without listing people's addresses.
  to_domain: Type.String(),
  subject: Type.String(),
  status: Type.Enum([...MAIL_STATUSES]),
  attempts: Type.Integer(),
  last_error: Nullable(Type.String()),
  source: Type.String(),
  created_at: Instant,
  next_attempt_at: Instant,
  sent_at: Nullable(Instant),
  can_retry: Type.Boolean({
    description: 'A failed mail that still has its address: POST …/retry sends it again',
  }),
});
export type OutboxEntry = Static<typeof OutboxEntrySchema>;

const Count = Type.Integer({ minimum: 0 });
export const OutboxCountsSchema = Type.Object(
  { queued: Count, sent: Count, failed: Count } satisfies Record<MailStatus, unknown>,
  { description: 'How many mails of each status the whole outbox holds, whatever the filter' },
);
export type OutboxCounts = Static<typeof OutboxCountsSchema>;

export const OutboxListSchema = Type.Object({
  items: Type.Array(OutboxEntrySchema),
  total: Type.Integer(),
  counts: OutboxCountsSchema,
  smtp_configured: Type.Boolean({
    description: 'Whether this instance sends mail (RELAIS_SMTP_URL); without it mails stay queued',
  }),
});
export type OutboxList = Static<typeof OutboxListSchema>;

export const OutboxQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...MAIL_STATUSES])), ...Pagination },
  { additionalProperties: false },
);
