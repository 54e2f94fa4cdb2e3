import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { can } from '../../../platform/auth/permissions.js';
import { AppError } from '../../../platform/errors.js';
import { nonJsonAnswer } from '../../../platform/http/typed-answers.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { type InquiryNotice, InquiryNoticeFeed, isNoticeFor, readNoticesAfter } from '../live-notices.js';
import { listTeamsOfPerson } from '../repository/teams.js';

/** More missed notices than this and the screen is told to reload instead of replaying each. */
const REPLAY_LIMIT = 200;

function lastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

const noticeOf = (notice: InquiryNotice) =>
  `id: ${notice.seq}\nevent: ${notice.kind}\ndata: ${JSON.stringify({ ref: notice.ref, at: notice.at })}\n\n`;

/**
 * Live notices on experts' screens: a fund answered a request (`partner_answered`), as server-sent
 * events to the inquiry's expert, its team's members and the managers. A browser whose connection
 * blinked reconnects with `Last-Event-ID` and first gets what it missed, read from the feed, then
 * the live ones, each once and in order (as knowledge/routes/live-notices.ts does for the FAQ).
 */
export const liveNoticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const feed = new InquiryNoticeFeed(app.db);
  const streams = new Set<FastifyReply['raw']>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
    feed.stop();
  });
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
    async (request, reply) => {
      if (!request.headers.accept?.includes('text/event-stream'))
        throw new AppError('http.not_acceptable', 406, { type: 'text/event-stream' });
      const identity = request.identity;
      const personId = identity?.id ?? null;
      const teams = personId ? await listTeamsOfPerson(app.db, personId) : [];
      const viewer = {
        personId,
        teamIds: new Set(teams.map((team) => team.id)),
        seesEveryTeam: can(identity?.roles ?? [], 'inquiries.assign'),
      };
      const resumeAfter = lastEventId(request.headers['last-event-id']);
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 5000\n\n');
      let pending: InquiryNotice[] | undefined = resumeAfter === undefined ? undefined : [];
      let lastSent = resumeAfter ?? 0;
      const send = (notice: InquiryNotice) => {
        if (notice.seq <= lastSent || !isNoticeFor(notice, viewer)) return;
        lastSent = notice.seq;
        reply.raw.write(noticeOf(notice));
      };
      const unsubscribe = feed.subscribe((notice) => (pending ? pending.push(notice) : send(notice)));
      const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
      streams.add(reply.raw);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(reply.raw);
      });
      reply.hijack();
      if (resumeAfter === undefined) return;
      try {
        const missed = await readNoticesAfter(app.db, resumeAfter, REPLAY_LIMIT + 1);
        if (missed.length > REPLAY_LIMIT) {
          const newest = Math.max(...missed.map((n) => n.seq), ...(pending ?? []).map((n) => n.seq));
          lastSent = newest;
          reply.raw.write(`id: ${newest}\nevent: resync\ndata: {}\n\n`);
        } else for (const notice of missed) send(notice);
      } catch (error) {
        request.log.warn({ err: error }, 'inquiry notices: missed notices could not be read');
      } finally {
        const waiting = pending ?? [];
        pending = undefined;
        for (const notice of waiting) send(notice);
      }
    },
  );
};
