import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import { nonJsonAnswer } from '../../../platform/http/typed-answers.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { type ChangeNotice, changesAfter } from '../changes.js';
import type { Audience } from '../content.js';
import { audiencesOf } from '../reader-audiences.js';
import type { KnowledgeSearch } from '../search-service.js';

/** More missed changes than this and the screen is told to reload instead of replaying each. */
const REPLAY_LIMIT = 200;

/** The `Last-Event-ID` an EventSource sends when it reconnects: the last change it received. */
function lastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

const noticeOf = (change: ChangeNotice) =>
  `id: ${change.seq}\nevent: entry_changed\ndata: ${JSON.stringify({ ref: change.ref, version: change.version, kind: change.kind })}\n\n`;

/**
 * Live notices on agents' screens: each published change, as server-sent events whose `id` is the
 * change's place in the feed. A browser whose connection blinked reconnects with `Last-Event-ID`
 * and first gets the changes it missed, read from the change feed (the instance it reaches may not
 * be the one it left), then the live ones, each once and in order. A stream never ends by itself, so
 * closing the app ends the open ones (else a shutdown waits for every browser).
 */
export const liveNoticeRoutes: FastifyPluginAsyncTypebox<{ search: KnowledgeSearch }> = async (
  app,
  { search },
) => {
  const streams = new Set<FastifyReply['raw']>();
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
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
    async (request, reply) => {
      // EventSource always asks for the stream; anything else gets an answer instead of a stream that never ends.
      if (!request.headers.accept?.includes('text/event-stream'))
        throw new AppError('http.not_acceptable', 406, { type: 'text/event-stream' });
      const audiences = audiencesOf(request);
      const resumeAfter = lastEventId(request.headers['last-event-id']);
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write('retry: 5000\n\n');
      // Live changes wait here while the missed ones are read, so none falls between the two.
      let pending: ChangeNotice[] | undefined = resumeAfter === undefined ? undefined : [];
      let lastSent = resumeAfter ?? 0;
      const send = (change: ChangeNotice) => {
        if (change.seq <= lastSent || !audiences.includes(change.audience as Audience)) return;
        lastSent = change.seq;
        reply.raw.write(noticeOf(change));
      };
      const onChange = (change: ChangeNotice) => (pending ? pending.push(change) : send(change));
      const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
      search.on('change', onChange);
      streams.add(reply.raw);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        search.off('change', onChange);
        streams.delete(reply.raw);
      });
      reply.hijack();
      if (resumeAfter !== undefined) await replayMissed(resumeAfter);
      async function replayMissed(afterSeq: number) {
        try {
          const { changes, hasMore } = await changesAfter(app.db, {
            afterSeq,
            audiences,
            limit: REPLAY_LIMIT,
          });
          if (hasMore) {
            // Too much happened: the screen reloads its lists rather than replaying them one by one.
            const newest = Math.max(
              afterSeq,
              ...changes.map((c) => c.seq),
              ...(pending ?? []).map((c) => c.seq),
            );
            lastSent = newest;
            reply.raw.write(`id: ${newest}\nevent: resync\ndata: {}\n\n`);
          } else {
            for (const change of changes) send(change);
          }
        } catch (error) {
          request.log.warn({ err: error }, 'live notices: missed changes could not be read');
        } finally {
          const waiting = pending ?? [];
          pending = undefined;
          for (const change of waiting) send(change);
        }
      }
    },
  );
};
