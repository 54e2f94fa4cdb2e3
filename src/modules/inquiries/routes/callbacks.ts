import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { claimCallback, listCallbacks, recordCallbackAttempt } from '../callbacks.js';
import {
  CallbackAttempt,
  CallbackAttemptResult,
  CallbackPage,
  CallbackQuery,
  IdParams,
} from '../contract.js';
import { callerOf } from './caller.js';
import { Done, inquiryProblems } from './responses.js';

/** The agents' callback pool: take a callback, call, record how it went. */
export const callbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/callbacks',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'The agents’ callback pool, most urgent first',
        querystring: CallbackQuery,
        response: { 200: CallbackPage, ...inquiryProblems },
      },
      config: { access: 'inquiries.callbacks' },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      return listCallbacks(app.db, { status: status ?? 'pending', limit: limit ?? 50, offset: offset ?? 0 });
    },
  );

  app.post(
    '/callbacks/:id/claim',
    {
      schema: { tags: ['inquiries'], summary: 'Take a callback', params: IdParams, response: Done },
      config: { access: 'inquiries.callbacks' },
    },
    async (request, reply) => {
      await claimCallback(app.db, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/callbacks/:id/attempts',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Record a callback’s outcome (reached, no answer, voicemail); retries are scheduled',
        params: IdParams,
        body: CallbackAttempt,
        response: { 200: CallbackAttemptResult, ...inquiryProblems },
      },
      config: { access: 'inquiries.callbacks' },
    },
    async (request) => {
      const { outcome, note } = request.body;
      return recordCallbackAttempt(app.db, callerOf(request), request.params.id, {
        outcome,
        ...(note !== undefined && { note }),
      });
    },
  );
};
