import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPartner } from '../../test-support/factories.js';
import { asSession, json, login, makePerson, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

const aCall = {
  channel: 'phone',
  language: 'fr',
  question: 'Mon salon est fermé depuis le 18 mars : ai-je droit au droit passerelle ?',
  requester: { name: 'Marie Dubois', niss: '85.07.30-033.28', email: 'marie.dubois@example.be' },
};

describe.each(DIALECTS)('%s: an idempotency key is bound to its caller and its request', (dialect) => {
  const t = withApp(dialect, {
    as: { agent: { username: 'agent' }, agent02: { roles: ['agent'] }, admin: {} },
  });
  let agent: Session;
  let agent02: Session;
  let admin: Session;
  beforeAll(async () => {
    ({ agent, agent02, admin } = t.people);
    for (const code of ['acerta', 'ucm']) await buildPartner(t.app, { code });
  });

  const post = (session: Session, payload: object, key: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: asSession(session, { 'idempotency-key': key }),
      payload,
    });
  const get = (session: Session, url: string) => t.app.inject({ url, headers: asSession(session) });
  const auditOf = async (action: string, ref: string) =>
    json(await get(admin, `/api/v1/audit?action=${action}&limit=200`)).items.filter(
      (row: { summary: { ref?: string } }) => row.summary.ref === ref,
    );
  const countOf = async (words: string) =>
    json(await get(admin, `/api/v1/inquiries?q=${encodeURIComponent(words)}&limit=100`)).total;

  it('answers the same request again with the same inquiry, audited as a read of its personal data', async () => {
    const key = `retry-${Math.random().toString(36).slice(2)}`;
    const call = { ...aCall, question: `${aCall.question} ${key}` };
    const first = await post(agent, call, key);
    expect(first.statusCode).toBe(201);
    const { ref } = json(first);
    expect(await auditOf('inquiries.personal_data_read', ref)).toEqual([]);

    // A retry of the same call, its fields in another order.
    const { requester, ...rest } = call;
    const { email, ...identity } = requester;
    const again = await post(agent, { requester: { email, ...identity }, ...rest }, key);
    expect(again.statusCode).toBe(200);
    expect(json(again)).toEqual(json(first));
    expect(await auditOf('inquiries.personal_data_read', ref)).toEqual([
      expect.objectContaining({ actorUsername: 'agent', objectType: 'inquiry' }),
    ]);
    expect(await countOf(key)).toBe(1);
  });

  it('refuses another request with a key already used: 422, and neither the first inquiry nor a second one', async () => {
    const key = `reused-${Math.random().toString(36).slice(2)}`;
    const first = await post(agent, { ...aCall, question: `${aCall.question} ${key}` }, key);
    expect(first.statusCode).toBe(201);
    const other = await post(
      agent,
      { ...aCall, question: `Une autre question ${key}`, requester: { name: 'Jan Peeters' } },
      key,
    );
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(json(other)).toMatchObject({ status: 422, code: 'inquiries.idempotency_key_reused' });
    expect(other.body).not.toContain(json(first).ref);
    expect(other.body).not.toContain('Marie');
    expect(await countOf(key)).toBe(1);
  });

  it('keeps each caller’s keys apart: a colleague sending the same key logs a call of their own', async () => {
    const key = `shared-${Math.random().toString(36).slice(2)}`;
    const call = { ...aCall, question: `${aCall.question} ${key}` };
    const mine = await post(agent, call, key);
    const theirs = await post(agent02, call, key);
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(json(theirs).ref).not.toBe(json(mine).ref);
    expect(await countOf(key)).toBe(2);
  });

  it('gives a fund user moved to another fund nothing of the old fund’s inquiry when they replay their key', async () => {
    const person = await makePerson(t.app, { roles: ['partner'], partner: 'acerta' });
    const asAcerta = await login(t.app, person.username);
    const key = `moved-${Math.random().toString(36).slice(2)}`;
    const call = { ...aCall, question: `${aCall.question} ${key}` };
    const first = await post(asAcerta, call, key);
    expect(first.statusCode).toBe(201);
    const { ref } = json(first);
    expect(json(first).requester).toMatchObject({ fund: 'acerta', niss: '85.07.30-033.28' });

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${person.id}`,
      headers: asSession(admin),
      payload: { partner: 'ucm' },
    });
    expect(moved.statusCode).toBe(200);
    const asUcm = await login(t.app, person.username);
    const replay = await post(asUcm, call, key);
    expect(replay.statusCode).toBe(422);
    expect(json(replay).code).toBe('inquiries.idempotency_key_reused');
    for (const secret of [ref, '85.07.30', '033.28', 'marie.dubois@example.be'])
      expect(replay.body).not.toContain(secret);
    expect(await auditOf('inquiries.access_refused', ref)).toEqual([
      expect.objectContaining({ actorUsername: person.username, objectType: 'inquiry' }),
    ]);
    expect(await auditOf('inquiries.personal_data_read', ref)).toEqual([]);
  });
});
