import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Instant, Nullable, Pagination, problemResponses } from '../http/validation.js';
import { listOutbox, retryMail } from './outbox.js';
import { MAIL_STATUSES, type MailStatus } from './tables.js';

const OutboxEntrySchema = Type.Object({
  id: Type.String(),
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

const Count = Type.Integer({ minimum: 0 });
const OutboxPage = Type.Object({
  items: Type.Array(OutboxEntrySchema),
  total: Type.Integer(),
  counts: Type.Object({ queued: Count, sent: Count, failed: Count } satisfies Record<MailStatus, unknown>, {
    description: 'How many mails of each status the whole outbox holds, whatever the filter',
  }),
  smtp_configured: Type.Boolean({
    description: 'Whether this instance sends mail (RELAIS_SMTP_URL); without it mails stay queued',
  }),
});

const errors = problemResponses(400, 401, 403);

const OutboxQuery = Type.Object(
  { status: Type.Optional(Type.Enum([...MAIL_STATUSES])), ...Pagination },
  { additionalProperties: false },
);

/** The outbox as the admin follows it: what waits, what left, what failed and why. */
export const mailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/mail/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: 'Outgoing mail: queued (no SMTP server, or waiting for a retry), sent, failed',
        querystring: OutboxQuery,
        response: {
          200: OutboxPage,
          ...errors,
        },
      },
      config: { access: 'mail.outbox.read' },
    },
    async (request) => ({
      ...(await listOutbox(app.db, {
        status: request.query.status,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      })),
      smtp_configured: Boolean(app.config.RELAIS_SMTP_URL),
    }),
  );

  app.post(
    '/mail/outbox/:id/retry',
    {
      schema: {
        tags: ['mail'],
        summary: 'Send a failed mail again: back to queued, no tries counted, due now',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: OutboxEntrySchema, ...problemResponses(404, 409), ...errors },
      },
      config: { access: 'mail.outbox.retry' },
    },
    async (request) => retryMail(app.db, request.actor, request.params.id),
  );
};
