import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** An event of a feed; `seq` is its place there, sent as the `id` a reconnecting browser returns. */
export type FeedEvent = { seq: number };

/**
 * What a module tells the stream about its feed; the rules (who sees what, what an event says) stay
 * in the module.
 */
export type EventFeed<E extends FeedEvent, V> = {
  /** Names the feed in the log. */
  label: string;
  /** More missed events than this and the screen is told to reload instead of replaying each. */
  replayLimit: number;
  /** Who watches, worked out once per stream (before its head is sent, so a failure is an answer). */
  viewerOf: (request: FastifyRequest) => V | Promise<V>;
  /** The events after `afterSeq`, oldest first; `hasMore` when there are more than `limit`. */
  readAfter: (afterSeq: number, limit: number, viewer: V) => Promise<{ events: E[]; hasMore: boolean }>;
  /** Live events; returns what stops them. */
  subscribe: (listener: (event: E) => void) => () => void;
  isFor: (viewer: V, event: E) => boolean;
  /** The event's SSE name and data. */
  format: (event: E) => { name: string; data: unknown };
};

// Proxies and load balancers drop a connection that stays silent for a minute or so.
const HEARTBEAT_MS = 25_000;

const HEAD = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // nginx would otherwise hold the events back in its buffer.
  'x-accel-buffering': 'no',
};

/** The `Last-Event-ID` an EventSource sends when it reconnects: the last event it received. */
export function lastEventId(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

const frame = (id: number, name: string, data: unknown) =>
  `id: ${id}\nevent: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

/** One browser's stream: each event it may see, once and in order. */
class OpenStream<E extends FeedEvent, V> {
  // Live events wait here while the missed ones are read, so none falls between the two.
  private pending: E[] | undefined;
  private lastSent: number;

  constructor(
    private readonly raw: ServerResponse,
    private readonly feed: EventFeed<E, V>,
    private readonly viewer: V,
    resumeAfter: number | undefined,
  ) {
    this.pending = resumeAfter === undefined ? undefined : [];
    this.lastSent = resumeAfter ?? 0;
  }

  readonly receive = (event: E): void => {
    if (this.pending) this.pending.push(event);
    else this.send(event);
  };

  async replayAfter(afterSeq: number, log: FastifyRequest['log']): Promise<void> {
    try {
      const { events, hasMore } = await this.feed.readAfter(afterSeq, this.feed.replayLimit, this.viewer);
      if (hasMore) this.resync(afterSeq, events);
      else for (const event of events) this.send(event);
    } catch (error) {
      log.warn({ err: error }, `${this.feed.label}: missed events could not be read`);
    } finally {
      this.releasePending();
    }
  }

  private send(event: E): void {
    if (event.seq <= this.lastSent || !this.feed.isFor(this.viewer, event)) return;
    this.lastSent = event.seq;
    const { name, data } = this.feed.format(event);
    this.raw.write(frame(event.seq, name, data));
  }

  /** Too much happened: the screen reloads its lists rather than replaying them one by one. */
  private resync(afterSeq: number, missed: E[]): void {
    const newest = Math.max(afterSeq, ...missed.map((e) => e.seq), ...(this.pending ?? []).map((e) => e.seq));
    this.lastSent = newest;
    this.raw.write(frame(newest, 'resync', {}));
  }

  private releasePending(): void {
    const waiting = this.pending ?? [];
    this.pending = undefined;
    for (const event of waiting) this.send(event);
  }
}

/**
 * Serves a feed as server-sent events. A browser whose connection blinked reconnects with
 * `Last-Event-ID` and first gets what it missed, read from the feed (the instance it reaches may not
 * be the one it left), then the live events. A stream never ends by itself, so closing the app ends
 * the open ones (else a shutdown waits for every browser).
 */
export function eventStream<E extends FeedEvent, V>(
  app: FastifyInstance,
  feed: EventFeed<E, V>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const streams = new Set<ServerResponse>();
  // Counted for the operators' metrics when the app has them (a bare app in a test has none).
  const openGauge = app.hasDecorator('metrics') ? app.metrics.sseConnections : undefined;
  app.addHook('preClose', async () => {
    for (const stream of streams) stream.end();
  });
  return async (request, reply) => {
    // EventSource always asks for the stream; anything else gets an answer instead of a stream that never ends.
    if (!request.headers.accept?.includes('text/event-stream'))
      throw new AppError('http.not_acceptable', 406, { type: 'text/event-stream' });
    const viewer = await feed.viewerOf(request);
    const resumeAfter = lastEventId(request.headers['last-event-id']);
    reply.raw.writeHead(200, HEAD);
    reply.raw.write('retry: 5000\n\n');
    const stream = new OpenStream(reply.raw, feed, viewer, resumeAfter);
    const unsubscribe = feed.subscribe(stream.receive);
    const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    streams.add(reply.raw);
    openGauge?.inc();
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(reply.raw);
      openGauge?.dec();
    });
    reply.hijack();
    if (resumeAfter !== undefined) await stream.replayAfter(resumeAfter, request.log);
  };
}
