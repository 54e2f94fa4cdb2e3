import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { can } from '../../../platform/auth/permissions.js';
import { eventStream } from '../../../platform/http/event-stream.js';
import { nonJsonAnswer } from '../../../platform/http/typed-answers.js';
import { problemResponses } from '../../../platform/http/validation.js';
import {
  type InquiryNotice,
  InquiryNoticeFeed,
  isNoticeFor,
  type NoticeViewer,
  readNoticesAfter,
} from '../live-notices.js';
import type { Db } from '../repository/db.js';
import { listTeamsOfPerson } from '../repository/teams.js';

async function viewerOf(db: Db, request: FastifyRequest): Promise<NoticeViewer> {
  const identity = request.identity;
  const personId = identity?.id ?? null;
  const teams = personId ? await listTeamsOfPerson(db, personId) : [];
  return {
    personId,
    teamIds: new Set(teams.map((team) => team.id)),
    seesEveryTeam: can(identity?.roles ?? [], 'inquiries.assign'),
  };
}

/**
 * Live notices on experts' screens: a fund answered a request (`partner_answered`), as server-sent
 * events to the inquiry's expert, its team's members and the managers (as knowledge/routes/live-notices.ts
 * does for the FAQ).
 */
export const liveNoticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const feed = new InquiryNoticeFeed(app.db);
  const openStream = eventStream<InquiryNotice, NoticeViewer>(app, {
    label: 'inquiry notices',
    replayLimit: 200,
    viewerOf: (request) => viewerOf(app.db, request),
    readAfter: async (afterSeq, limit) => {
      // One more than the limit tells whether there are more.
      const events = await readNoticesAfter(app.db, afterSeq, limit + 1);
      return { events, hasMore: events.length > limit };
    },
    subscribe: (listener) => feed.subscribe(listener),
    isFor: (viewer, notice) => isNoticeFor(notice, viewer),
    format: (notice) => ({ name: notice.kind, data: { ref: notice.ref, at: notice.at } }),
  });
  app.addHook('preClose', async () => feed.stop());
  app.get(
    '/events',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Live notices for the expert’s screens (a fund answered), as server-sent events',
        response: {
          200: nonJsonAnswer(
            'server-sent events: `partner_answered` with the inquiry’s `ref`; `id` for replay',
            ['text/event-stream'],
          ),
          ...problemResponses(401, 403, 406),
        },
      },
      config: { access: 'inquiries.queues' },
    },
    (request, reply) => openStream(request, reply),
  );
};
