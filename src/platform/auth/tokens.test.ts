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
import type { AuthTables } from './tables.js';

describe.each(DIALECTS)('%s: API tokens and CSRF', (dialect) => {
  let t: TestApp;
  let admin: Session;

  const createToken = async (username: string, name = 'Sync with the fund') => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: asSession(admin),
      payload: { username, name },
    });
    expect(response.statusCode).toBe(201);
    return json<{ token: string; summary: { id: string; prefix: string } }>(response);
  };
  const meWithToken = (token: string, scheme = 'Bearer') =>
    t.app.inject({ url: '/api/v1/me', headers: { authorization: `${scheme} ${token}` } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
  });
  afterAll(() => t.close());

  it('shows a new token once; the list and the database keep only its prefix and hash', async () => {
    const owner = await makePerson(t.app, { roles: ['agent'] });
    const created = await createToken(owner.username);
    expect(created.token).toMatch(/^relais_[\w-]{43}$/);
    expect(created.token.startsWith(created.summary.prefix)).toBe(true);

    const list = await t.app.inject({ url: '/api/v1/auth/tokens', headers: asSession(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.token);
    expect(json(list).items.find((i: { id: string }) => i.id === created.summary.id)).toMatchObject({
      username: owner.username,
      revokedAt: null,
    });
    const rows = await (t.app.db as Kysely<AuthTables>).selectFrom('auth_token').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(created.summary.prefix.length));
  });

  it('authenticates its owner with the token, whatever the case of the Bearer scheme', async () => {
    const owner = await makePerson(t.app, { roles: ['agent'] });
    const { token } = await createToken(owner.username);
    for (const scheme of ['Bearer', 'bearer']) {
      const response = await meWithToken(token, scheme);
      expect(response.statusCode).toBe(200);
      expect(json(response)).toMatchObject({
        username: owner.username,
        authMethod: 'token',
        csrfToken: null,
      });
    }
  });

  it('refuses an unknown token', async () => {
    expect((await meWithToken('relais_not-a-real-token')).statusCode).toBe(401);
    expect((await meWithToken('something-else')).statusCode).toBe(401);
  });

  it('refuses a revoked token', async () => {
    const owner = await makePerson(t.app);
    const { token, summary } = await createToken(owner.username);
    expect((await meWithToken(token)).statusCode).toBe(200);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${summary.id}`,
      headers: asSession(admin),
    });
    expect(revoke.statusCode).toBe(200);
    expect(json(revoke).revokedAt).toEqual(expect.any(String));
    const response = await meWithToken(token);
    expect(response.statusCode).toBe(401);
    expect(json(response).code).toBe('http.unauthorized');
  });

  it('refuses the token of a person who has been disabled', async () => {
    const owner = await makePerson(t.app);
    const { token } = await createToken(owner.username);
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${owner.id}`,
      headers: asSession(admin),
      payload: { isActive: false },
    });
    expect(disable.statusCode).toBe(200);
    expect((await meWithToken(token)).statusCode).toBe(401);
  });

  it('lets only administrators create tokens', async () => {
    const agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: asSession(agent),
      payload: { username: agent.username, name: 'mine' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    const write = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers, payload: { language: 'nl' } });

    const missing = await write({ cookie: session.cookie });
    expect(missing.statusCode).toBe(403);
    expect(json(missing).code).toBe('http.csrf_failed');
    const wrong = await write({ cookie: session.cookie, 'x-csrf-token': `${session.csrfToken}x` });
    expect(wrong.statusCode).toBe(403);
    expect(json(wrong).code).toBe('http.csrf_failed');

    // Reads need no CSRF token; the refused writes changed nothing.
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(json(me).language).toBe('en');
    expect((await write(asSession(session))).statusCode).toBe(200);
  });

  it('needs no CSRF token for a write authenticated by a bearer token', async () => {
    const owner = await makePerson(t.app);
    const { token } = await createToken(owner.username);
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
      payload: { language: 'fr' },
    });
    expect(response.statusCode).toBe(200);
    expect(json(response).language).toBe('fr');
  });
});
