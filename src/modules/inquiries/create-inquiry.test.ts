import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildTheme } from '../../test-support/factories.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

const call = (question: string, requester: object = {}) => ({
  channel: 'phone',
  language: 'nl',
  theme: 'droit-passerelle',
  question,
  requester,
});

describe.each(DIALECTS)('%s: many agents logging calls at the same moment', (dialect) => {
  const t = withApp(dialect, {
    as: { agent: {}, agent02: { roles: ['agent'] }, agent03: { roles: ['agent'] }, admin: {} },
  });
  let agents: Session[];
  let admin: Session;
  beforeAll(async () => {
    agents = [t.people.agent, t.people.agent02, t.people.agent03];
    admin = t.people.admin;
    await buildTheme(t.app, { code: 'droit-passerelle' });
  });

  const post = (session: Session, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/inquiries', headers: asSession(session, headers), payload });
  const get = (url: string) => t.app.inject({ url, headers: asSession(admin) });

  it('gives each its own reference, keeps every one with its audit row, and refuses only the bad one', async () => {
    const tag = `burst-${Math.random().toString(36).slice(2)}`;
    const responses = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) =>
        post(agents[i % 3]!, call(`Overbruggingsrecht ${tag} ${i}`), { 'idempotency-key': `${tag}-${i}` }),
      ),
      post(agents[0]!, call(`Overbruggingsrecht ${tag} unknown fund`, { fund: 'no-such-fund' })),
      post(agents[1]!, { ...call(`Overbruggingsrecht ${tag} unknown theme`), theme: 'no-such-theme' }),
      // The same key as the first call, sent with it: one inquiry for both.
      post(agents[0]!, call(`Overbruggingsrecht ${tag} 0`), { 'idempotency-key': `${tag}-0` }),
    ]);
    const created = responses.slice(0, 30);
    expect(created.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    expect(responses[30]!.statusCode).toBe(400);
    expect(json(responses[30]!).errors).toEqual([expect.objectContaining({ field: 'requester.fund' })]);
    expect(responses[31]!.statusCode).toBe(400);
    expect(json(responses[31]!).errors).toEqual([expect.objectContaining({ field: 'theme' })]);
    expect(responses[32]!.statusCode).toBe(200);
    expect(json(responses[32]!).ref).toBe(json(created[0]!).ref);

    const refs = created.map((r) => json(r).ref as string);
    expect(new Set(refs).size).toBe(30);
    // Numbers follow each other: the refused calls took none.
    const numbers = refs.map((ref) => Number(ref.slice(-6))).sort((a, b) => a - b);
    expect(numbers.at(-1)! - numbers[0]!).toBe(29);

    const listed = json(await get(`/api/v1/inquiries?q=${tag}&limit=100`));
    expect(listed.total).toBe(30);
    const audit = json(await get('/api/v1/audit?action=inquiries.inquiry_created&limit=200'));
    const audited = new Set(audit.items.map((row: { summary: { ref: string } }) => row.summary.ref));
    expect(refs.every((ref) => audited.has(ref))).toBe(true);
    const one = json(await get(`/api/v1/inquiries/${refs[7]}`));
    expect(one).toMatchObject({ ref: refs[7], status: 'new', question: `Overbruggingsrecht ${tag} 7` });
  });
});
