import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { acknowledgeChanges, acknowledgementBoard, listChanges, pendingPageForPartner } from '../changes.js';
import {
  Acknowledged,
  AcknowledgementBoard,
  AcknowledgementBoardQuery,
  AcknowledgeRequest,
  ChangeItem,
  ChangesQuery,
  Items,
  PendingChanges,
  PendingChangesQuery,
} from '../contract.js';
import { audiencesOf } from '../reader-audiences.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/** The fund a partner user speaks for (the partner role always comes with exactly one fund). */
function partnerOf(request: FastifyRequest): string {
  const partnerId = request.identity?.partnerId;
  if (!partnerId) throw new AppError('http.forbidden', 403);
  return partnerId;
}

/** The change feed, what a fund has still to acknowledge, its acknowledgements, and the board of all funds. */
export const changeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/changes',
    {
      schema: {
        tags: ['knowledge'],
        querystring: ChangesQuery,
        response: { 200: Items(ChangeItem), ...errors },
      },
      config: { access: 'knowledge.read' },
    },
    async (request) => ({
      items: await listChanges(app.db, {
        audiences: audiencesOf(request),
        limit: request.query.limit ?? 50,
        ...(request.query.before && { before: request.query.before }),
      }),
    }),
  );

  app.get(
    '/changes/pending',
    {
      schema: {
        tags: ['knowledge'],
        summary: "A page of the changes the caller's fund has still to acknowledge, oldest first",
        querystring: PendingChangesQuery,
        response: { 200: PendingChanges, ...errors },
      },
      config: { access: 'knowledge.acknowledge' },
    },
    async (request) => pendingPageForPartner(app.db, partnerOf(request), request.query),
  );

  app.post(
    '/changes/acknowledge',
    {
      schema: {
        tags: ['knowledge'],
        summary:
          'Acknowledge in one step every pending change up to a seq (of a theme, a kind); idempotent, audited',
        body: AcknowledgeRequest,
        response: { 200: Acknowledged, ...errors },
      },
      config: { access: 'knowledge.acknowledge' },
    },
    async (request) => ({
      acknowledged: await acknowledgeChanges(app.db, request.actor, partnerOf(request), request.body),
    }),
  );

  app.get(
    '/changes/acknowledgements',
    {
      schema: {
        tags: ['knowledge'],
        querystring: AcknowledgementBoardQuery,
        response: { 200: AcknowledgementBoard, ...errors },
      },
      config: { access: 'knowledge.acknowledgements.read' },
    },
    async (request) =>
      acknowledgementBoard(app.db, { limit: request.query.limit ?? 30, offset: request.query.offset ?? 0 }),
  );
};
