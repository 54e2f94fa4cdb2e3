import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventFeed, eventStream, lastEventId } from './event-stream.js';

type Note = { seq: number; to: string };

/** A feed of notes for `to`, viewed by "ann"; `duringReplay` runs while the missed ones are read. */
function feedOf(notes: Note[], options: { replayLimit?: number; duringReplay?: () => void } = {}) {
  const listeners = new Set<(note: Note) => void>();
  const feed: EventFeed<Note, string> = {
    label: 'test notes',
    replayLimit: options.replayLimit ?? 10,
    viewerOf: () => 'ann',
    readAfter: async (afterSeq, limit) => {
      options.duringReplay?.();
      const after = notes.filter((note) => note.seq > afterSeq);
      return { events: after.slice(0, limit), hasMore: after.length > limit };
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isFor: (viewer, note) => note.to === viewer,
    format: (note) => ({ name: 'note', data: { seq: note.seq } }),
  };
  const publish = (note: Note) => {
    for (const listener of listeners) listener(note);
  };
  return { feed, publish };
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Serves the feed at `/events` and opens it, from `lastId` on if given. */
async function open(feed: EventFeed<Note, string>, lastId?: string) {
  app = Fastify();
  const openStream = eventStream(app, feed);
  app.get('/events', (request, reply) => openStream(request, reply));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const response = await fetch(`${address}/events`, {
    headers: { accept: 'text/event-stream', ...(lastId !== undefined && { 'last-event-id': lastId }) },
  });
  const reader = response.body!.getReader();
  let text = '';
  const readUntil = async (isDone: (text: string) => boolean) => {
    const deadline = Date.now() + 3000;
    while (!isDone(text) && Date.now() < deadline) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    return text;
  };
  return { response, reader, readUntil };
}

const idsIn = (text: string) => [...text.matchAll(/id: (\d+)\nevent: (\w+)/g)].map((m) => `${m[2]} ${m[1]}`);

describe('eventStream', () => {
  it('replays what the viewer missed, then the live events that came meanwhile, each once and in order', async () => {
    const notes = [1, 2, 3, 4].map((seq) => ({ seq, to: seq === 3 ? 'bob' : 'ann' }));
    const { feed, publish } = feedOf(notes, {
      // Published while the missed ones are read: 4 is among them already, 5 is new.
      duringReplay: () => {
        publish({ seq: 4, to: 'ann' });
        publish({ seq: 5, to: 'ann' });
      },
    });
    const stream = await open(feed, '1');
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const text = await stream.readUntil((received) => received.includes('id: 5'));
    expect(text.startsWith('retry: 5000\n\n')).toBe(true);
    expect(idsIn(text)).toEqual(['note 2', 'note 4', 'note 5']);
    expect(text).toContain('data: {"seq":2}\n\n');

    publish({ seq: 6, to: 'bob' });
    publish({ seq: 7, to: 'ann' });
    expect(idsIn(await stream.readUntil((received) => received.includes('id: 7')))).toEqual([
      'note 2',
      'note 4',
      'note 5',
      'note 7',
    ]);
  });

  it('tells the screen to reload when more were missed than it replays, and goes on from the newest', async () => {
    const notes = [1, 2, 3, 4, 5].map((seq) => ({ seq, to: 'ann' }));
    const { feed, publish } = feedOf(notes, {
      replayLimit: 2,
      duringReplay: () => publish({ seq: 6, to: 'ann' }),
    });
    const stream = await open(feed, '0');
    const text = await stream.readUntil((received) => received.includes('resync'));
    expect(text).toContain('id: 6\nevent: resync\ndata: {}\n\n');
    publish({ seq: 7, to: 'ann' });
    expect(idsIn(await stream.readUntil((received) => received.includes('id: 7')))).toEqual([
      'resync 6',
      'note 7',
    ]);
  });

  it('sends only live events to a screen that did not reconnect', async () => {
    const { feed, publish } = feedOf([{ seq: 1, to: 'ann' }]);
    const stream = await open(feed);
    await stream.readUntil((received) => received.includes('retry:'));
    publish({ seq: 2, to: 'ann' });
    expect(idsIn(await stream.readUntil((received) => received.includes('id: 2')))).toEqual(['note 2']);
  });

  it('ends the open streams when the app closes, so a shutdown never waits on browsers', async () => {
    const stream = await open(feedOf([]).feed);
    await stream.readUntil((received) => received.includes('retry:'));
    await app!.close();
    app = undefined;
    expect((await stream.reader.read()).done).toBe(true);
  });

  it('reads the id a reconnecting EventSource sends, and ignores anything else', () => {
    expect(lastEventId('42')).toBe(42);
    expect(lastEventId(['7', '8'])).toBe(7);
    for (const header of [undefined, '', 'abc', '-1', '1.5', '9'.repeat(16)]) {
      expect(lastEventId(header)).toBeUndefined();
    }
  });
});
