import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../../platform/http/validation.js';
import { Items, QueueItem, StaleItem } from '../contract.js';
import { reviewQueue, staleEntries, translationQueue } from '../queues.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/** The editors' work lists: drafts to review, translations to bring up to date, entries past review. */
export const queueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/queues/review',
    {
      schema: { tags: ['knowledge'], response: { 200: Items(QueueItem), ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async () => ({ items: await reviewQueue(app.db) }),
  );
  app.get(
    '/queues/translation',
    {
      schema: { tags: ['knowledge'], response: { 200: Items(QueueItem), ...errors } },
      config: { access: 'knowledge.write' },
    },
    async () => ({ items: await translationQueue(app.db) }),
  );
  app.get(
    '/queues/stale',
    {
      schema: { tags: ['knowledge'], response: { 200: Items(StaleItem), ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async () => ({ items: await staleEntries(app.db) }),
  );
};
