import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { eventStream } from '../../../platform/http/event-stream.js';
import { nonJsonAnswer } from '../../../platform/http/typed-answers.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { type ChangeNotice, changesAfter } from '../changes.js';
import type { Audience } from '../content.js';
import { audiencesOf } from '../reader-audiences.js';
import type { KnowledgeSearch } from '../search-service.js';

/**
 * Live notices on agents' screens: each published change within the reader's audiences, as
 * server-sent events whose `id` is the change's place in the change feed.
 */
export const liveNoticeRoutes: FastifyPluginAsyncTypebox<{ search: KnowledgeSearch }> = async (
  app,
  { search },
) => {
  const openStream = eventStream<ChangeNotice, Audience[]>(app, {
    label: 'live notices',
    replayLimit: 200,
    viewerOf: audiencesOf,
    readAfter: async (afterSeq, limit, audiences) => {
      const { changes, hasMore } = await changesAfter(app.db, { afterSeq, audiences, limit });
      return { events: changes, hasMore };
    },
    subscribe: (listener) => {
      search.on('change', listener);
      return () => search.off('change', listener);
    },
    isFor: (audiences, change) => audiences.includes(change.audience as Audience),
    format: (change) => ({
      name: 'entry_changed',
      data: { ref: change.ref, version: change.version, kind: change.kind },
    }),
  });
  app.get(
    '/events',
    {
      schema: {
        tags: ['knowledge'],
        response: {
          200: nonJsonAnswer("server-sent events: `entry_changed`, its `id` the change's place in the feed", [
            'text/event-stream',
          ]),
          ...problemResponses(401, 403, 406),
        },
      },
      config: { access: 'knowledge.read' },
    },
    (request, reply) => openStream(request, reply),
  );
};
