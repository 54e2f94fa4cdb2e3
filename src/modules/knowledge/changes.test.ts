import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';

const DEMO = 'demo-relais-2020';
const fr = { question: 'Question nouvelle pour les caisses ?', answer: 'Réponse.' };
const nl = { question: 'Nieuwe vraag voor de fondsen?', answer: 'Antwoord.' };

describe.each(DIALECTS)('%s: change feed, acknowledgements and live notices', (dialect) => {
  let t: TestApp;
  let editor: Session;
  let reviewer: Session;
  let acerta: Session;
  let manager: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    const sessions = await Promise.all(
      ['editor', 'reviewer', 'partner.acerta', 'manager'].map((u) => login(t.app, u, DEMO)),
    );
    [editor, reviewer, acerta, manager] = sessions as [Session, Session, Session, Session];
  });
  afterAll(() => t.close());

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
    expect(baseline.length).toBeGreaterThan(100);
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
    const agent = await login(t.app, 'agent', DEMO);
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
});
