import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildEntry, buildPartner, buildTheme } from '../../test-support/factories.js';
import { asSession, json, login, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

const fr = { question: 'Question nouvelle pour les caisses ?', answer: 'Réponse.' };
const nl = { question: 'Nieuwe vraag voor de fondsen?', answer: 'Antwoord.' };

describe.each(DIALECTS)('%s: change feed, acknowledgements and live notices', (dialect) => {
  const t = withApp(dialect, {
    as: {
      editor: {},
      reviewer: {},
      acerta: { roles: ['partner'], partner: 'acerta' },
      manager: {},
      agent: {},
    },
  });
  let editor: Session;
  let reviewer: Session;
  let acerta: Session;
  let manager: Session;
  /** What the FAQ published before the funds first look. */
  const PUBLISHED_BEFORE = 3;

  beforeAll(async () => {
    ({ editor, reviewer, acerta, manager } = t.people);
    await buildPartner(t.app, { code: 'ucm' });
    await buildTheme(t.app, { code: 'cotisations' });
    for (let i = 0; i < PUBLISHED_BEFORE; i++) await buildEntry(t.app, { theme: 'cotisations' });
  });

  const publish = async (audience: string) => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/knowledge/entries',
      headers: asSession(editor),
      payload: { theme: 'cotisations', audience, validFrom: '2021-01-01', fr, nl },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { ref } = json(created);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/knowledge/entries/${ref}/draft/submit`,
      headers: asSession(editor),
    });
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/knowledge/entries/${ref}/publish`,
      headers: asSession(reviewer),
      payload: {},
    });
    expect(published.statusCode, published.body).toBe(200);
    return ref as string;
  };
  const pending = async () =>
    json(await t.app.inject({ url: '/api/v1/knowledge/changes/pending', headers: asSession(acerta) })).items;

  it('shows a fund what changed since it last acknowledged, and only what it may read', async () => {
    const baseline = await pending();
    expect(baseline.length).toBe(PUBLISHED_BEFORE);
    const upTo = Math.max(...baseline.map((c: { seq: number }) => c.seq));
    const acked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/knowledge/changes/acknowledge',
      headers: asSession(acerta),
      payload: { upTo },
    });
    expect(json(acked).acknowledged).toBe(baseline.length);
    expect(await pending()).toEqual([]);

    const forFunds = await publish('partners');
    await publish('internal');
    expect((await pending()).map((c: { ref: string }) => c.ref)).toEqual([forFunds]);
  });

  it('tells the institution which funds acknowledged each change and who lags', async () => {
    const board = json(
      await t.app.inject({ url: '/api/v1/knowledge/changes/acknowledgements', headers: asSession(manager) }),
    );
    const acertaRow = board.funds.find((f: { code: string }) => f.code === 'acerta');
    const ucmRow = board.funds.find((f: { code: string }) => f.code === 'ucm');
    expect(acertaRow.pending).toBe(1);
    expect(ucmRow.pending).toBeGreaterThan(acertaRow.pending);
    const older = board.changes.find((c: { acknowledgedBy: { code: string }[] }) =>
      c.acknowledgedBy.some((a) => a.code === 'acerta'),
    );
    expect(older.missing).toContain('ucm');
  });

  it('refuses the partner feed to staff and the board to funds', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/knowledge/changes/pending', headers: asSession(manager) }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/knowledge/changes/acknowledgements', headers: asSession(acerta) }))
        .statusCode,
    ).toBe(403);
  });

  it('pushes a live notice to an open screen when an entry is published, within its audience', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const agent = await login(t.app, 'agent');
    const controller = new AbortController();
    const stream = await fetch(`${address}/api/v1/knowledge/events`, {
      headers: { cookie: agent.cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const plain = await t.app.inject({ url: '/api/v1/knowledge/events', headers: { cookie: agent.cookie } });
    expect(plain.statusCode).toBe(406);
    const reader = stream.body!.getReader();
    let received = '';
    const ref = await publish('public');
    const deadline = Date.now() + 5000;
    while (!received.includes(ref) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ value?: undefined }>((r) => setTimeout(() => r({}), 500)),
      ]);
      if (chunk.value) received += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain('event: entry_changed');
    expect(received).toContain(`"ref":"${ref}"`);
  });

  /** Opens the live notices as this person, from `lastEventId` on if given; `close` ends the stream. */
  const openStream = async (session: Session, lastEventId?: string) => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' }).catch(() => {
      const { port } = t.app.server.address() as { port: number };
      return `http://127.0.0.1:${port}`;
    });
    const controller = new AbortController();
    const stream = await fetch(`${address}/api/v1/knowledge/events`, {
      headers: {
        cookie: session.cookie,
        accept: 'text/event-stream',
        ...(lastEventId !== undefined && { 'last-event-id': lastEventId }),
      },
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    let received = '';
    /** Reads until `isDone(text so far)`, for at most `ms`. */
    const readUntil = async (isDone: (text: string) => boolean, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!isDone(received) && Date.now() < deadline) {
        const chunk = await Promise.race([
          reader.read(),
          new Promise<{ value?: undefined }>((r) => setTimeout(() => r({}), 500)),
        ]);
        if (chunk.value) received += new TextDecoder().decode(chunk.value);
      }
      return received;
    };
    return { readUntil, close: () => controller.abort() };
  };
  const noticesIn = (text: string) =>
    [...text.matchAll(/id: (\d+)\nevent: entry_changed\ndata: (.*)\n/g)].map((m) => ({
      seq: Number(m[1]),
      ref: (JSON.parse(m[2]!) as { ref: string }).ref,
    }));

  it('replays what a screen missed while its connection blinked, in order and within its audience', async () => {
    const agent = await login(t.app, 'agent');
    const first = await openStream(agent);
    const seen = await publish('public');
    const before = noticesIn(await first.readUntil((text) => text.includes(seen)));
    first.close();
    const lastSeen = before.find((n) => n.ref === seen)!.seq;

    // Published while nobody was connected: the change feed still has them.
    const forEveryone = await publish('public');
    const forStaff = await publish('internal');

    const agentBack = await openStream(agent, String(lastSeen));
    const replayed = noticesIn(await agentBack.readUntil((text) => text.includes(forStaff)));
    agentBack.close();
    expect(replayed.map((n) => n.ref)).toEqual([forEveryone, forStaff]);

    const fundBack = await openStream(acerta, String(lastSeen));
    const fundReplay = noticesIn(await fundBack.readUntil((text) => text.includes(forEveryone)));
    // Given time to arrive, the internal entry still does not: a fund never hears of it.
    const fundLater = noticesIn(await fundBack.readUntil(() => false, 1000));
    fundBack.close();
    expect(fundReplay.map((n) => n.ref)).toEqual([forEveryone]);
    expect(fundLater.map((n) => n.ref)).not.toContain(forStaff);
  });

  it('replays the whole feed, oldest first and each change once, to a screen that saw none of it', async () => {
    const agent = await login(t.app, 'agent');
    const { total } = (await t.app.db
      .selectFrom('knowledge_change')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow()) as { total: number };
    const stream = await openStream(agent, '0');
    const replayed = noticesIn(await stream.readUntil((text) => noticesIn(text).length >= Number(total)));
    stream.close();
    expect(replayed).toHaveLength(Number(total));
    const seqs = replayed.map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
