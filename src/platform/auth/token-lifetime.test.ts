import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';
import { brusselsDay } from '../db/time.js';
import type { AuthTables } from './tables.js';

const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('%s: how long an API token lasts', (dialect) => {
  let t: TestApp;
  let admin: Session;

  const createToken = async (username: string, extra: object = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: asSession(admin),
      payload: { username, name: 'Sync with the fund', ...extra },
    });
  const meWith = (token: string) =>
    t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
  const patchPerson = async (id: string, payload: object) => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${id}`,
      headers: asSession(admin),
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
  };
  const listed = async (id: string) => {
    const list = await t.app.inject({ url: '/api/v1/auth/tokens', headers: asSession(admin) });
    expect(list.statusCode).toBe(200);
    return json(list).items.find((i: { id: string }) => i.id === id);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
  });
  afterAll(() => t.close());

  it('ends a person’s tokens when they are deactivated, and a reactivation does not bring them back', async () => {
    const owner = await makePerson(t.app, { roles: ['agent'] });
    const created = json(await createToken(owner.username));
    expect((await meWith(created.token)).statusCode).toBe(200);
    await patchPerson(owner.id, { isActive: false });
    expect((await meWith(created.token)).statusCode).toBe(401);
    const audit = json(
      await t.app.inject({
        url: `/api/v1/audit?objectId=${owner.id}&action=directory.person_updated`,
        headers: asSession(admin),
      }),
    );
    expect(audit.items[0].summary).toMatchObject({ ended: { sessions: 0, tokens: 1 } });
    await patchPerson(owner.id, { isActive: true });
    expect((await meWith(created.token)).statusCode).toBe(401);
    expect((await listed(created.summary.id)).revokedAt).not.toBeNull();
  });

  it('ends a person’s tokens when their password changes', async () => {
    const owner = await makePerson(t.app, { roles: ['agent'] });
    const created = json(await createToken(owner.username));
    expect((await meWith(created.token)).statusCode).toBe(200);
    await patchPerson(owner.id, { password: 'a-new-long-passphrase' });
    expect((await meWith(created.token)).statusCode).toBe(401);
  });

  it('keeps a token until the day it expires on, and refuses an expiry that is not in the future', async () => {
    const owner = await makePerson(t.app, { roles: ['agent'] });
    const today = brusselsDay();
    for (const expiresOn of [today, dayAfter(today, -1)]) {
      const refused = await createToken(owner.username, { expiresOn });
      expect(refused.statusCode).toBe(400);
      expect(json(refused).errors).toEqual([
        expect.objectContaining({ field: 'expiresOn', code: 'credentials.token_expiry_not_future' }),
      ]);
    }
    expect((await createToken(owner.username, { expiresOn: '2027-02-30' })).statusCode).toBe(400);

    const created = await createToken(owner.username, { expiresOn: dayAfter(today, 30) });
    expect(created.statusCode, created.body).toBe(201);
    const { token, summary } = json(created);
    expect(summary.expiresOn).toBe(dayAfter(today, 30));
    expect((await meWith(token)).statusCode).toBe(200);

    // The day comes (moved here rather than waiting a month): from that day on it no longer answers.
    await (t.app.db as Kysely<AuthTables>)
      .updateTable('auth_token')
      .set({ expires_on: today })
      .where('id', '=', summary.id)
      .execute();
    expect((await meWith(token)).statusCode).toBe(401);
    expect(await listed(summary.id)).toMatchObject({ expiresOn: today, revokedAt: null });
  });

  it('lists when each token was last used', async () => {
    const owner = await makePerson(t.app, { roles: ['agent'] });
    const { token, summary } = json(await createToken(owner.username));
    expect(await listed(summary.id)).toMatchObject({ lastUsedAt: null, expiresOn: null });
    const before = Date.now();
    expect((await meWith(token)).statusCode).toBe(200);
    const { lastUsedAt } = await listed(summary.id);
    expect(Date.parse(lastUsedAt)).toBeGreaterThanOrEqual(before - 1000);
  });
});
