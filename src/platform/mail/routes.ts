import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../http/validation.js';
import { OutboxEntrySchema, OutboxListSchema, OutboxQuery } from './contract.js';
import { listOutbox, retryMail } from './outbox.js';

const errors = problemResponses(400, 401, 403);

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
          200: OutboxListSchema,
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
