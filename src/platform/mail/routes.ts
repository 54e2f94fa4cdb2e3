import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Instant, Nullable, Page, Pagination, ProblemSchema } from '../http/validation.js';
import { listOutbox } from './outbox.js';
import { MAIL_STATUSES } from './tables.js';

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
});

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
          200: Page(OutboxEntrySchema),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
      config: { access: 'mail.outbox.read' },
    },
    async (request) =>
      listOutbox(app.db, {
        status: request.query.status,
        limit: request.query.limit ?? 50,
        offset: request.query.offset ?? 0,
      }),
  );
};
