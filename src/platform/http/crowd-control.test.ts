import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildEntry, buildPerson } from '../../test-support/factories.js';
import {
  createTestApp,
  json,
  login,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

const publicSearch = (q = 'chômage') => `/api/v1/public/faq/search?q=${encodeURIComponent(q)}&lang=fr`;

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(json(response)).toMatchObject({ status, code, type: `urn:relais:problem:${code}` });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe.each(DIALECTS)('%s: per-address limits on the public routes and on login', (dialect) => {
  let t: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    const env = { RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '5', RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE: '3' };
    t = await createTestApp(dialect, { env });
    // Created, not logged in: the logins below count against the limit.
    await buildPerson(t.app.db, { roles: ['agent'], username: 'agent' });
    proxied = await createTestApp(dialect, { env: { ...env, RELAIS_TRUST_PROXY: '10.9.9.9' } });
  });
  afterAll(async () => {
    await t?.close();
    await proxied?.close();
  });

  const get = (app: TestApp, url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    app.app.inject({ url, remoteAddress, headers });
  const logIn = (remoteAddress: string, password = TEST_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      payload: { username: 'agent', password },
    });

  it('answers the public requests of one address past the limit with a 429 problem and Retry-After, and serves other addresses', async () => {
    const served = await get(t, publicSearch('q'), '203.0.113.1');
    expect(served.statusCode).toBe(200);
    // No counters on a served answer: a shared cache would hand one caller's count to everyone.
    expect(Object.keys(served.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
    for (let i = 0; i < 2; i++)
      expect((await get(t, publicSearch(`q${i}`), '203.0.113.1')).statusCode).toBe(200);
    // Pages and searches share the address's budget.
    expect((await get(t, '/faq/fr', '203.0.113.1')).statusCode).toBe(200);
    expect((await get(t, '/faq/nl', '203.0.113.1')).statusCode).toBe(200);

    const refused = await get(t, publicSearch(), '203.0.113.1', { 'accept-language': 'fr' });
    expectProblem(refused, 429, 'http.rate_limited');
    expect(json(refused).title).toBe('Trop de requêtes : réessayez dans un instant.');
    expect((await get(t, '/faq/fr', '203.0.113.1')).statusCode).toBe(429);

    expect((await get(t, publicSearch(), '203.0.113.2')).statusCode).toBe(200);
  });

  it('counts an IPv6 subscriber (a /64) as one address', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await get(t, publicSearch(), `2001:db8:1:2::${i}`)).statusCode).toBe(200);
    }
    expect((await get(t, publicSearch(), '2001:db8:1:2::ffff')).statusCode).toBe(429);
    expect((await get(t, publicSearch(), '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('limits password logins per address, apart from the public pages', async () => {
    for (let i = 0; i < 5; i++) expect((await get(t, publicSearch(), '203.0.113.3')).statusCode).toBe(200);
    expect((await logIn('203.0.113.3', 'wrong')).statusCode).toBe(401);
    expect((await logIn('203.0.113.3')).statusCode).toBe(200);
    expect((await logIn('203.0.113.3')).statusCode).toBe(200);
    expectProblem(await logIn('203.0.113.3'), 429, 'http.rate_limited');
    expect((await logIn('203.0.113.4')).statusCode).toBe(200);
  });

  it("does not count a logged-in person's requests, nor the health probes", async () => {
    const agent: Session = await login(t.app, 'agent');
    for (let i = 0; i < 8; i++) {
      const search = await t.app.inject({
        url: publicSearch(),
        remoteAddress: '203.0.113.5',
        headers: { cookie: agent.cookie },
      });
      expect(search.statusCode).toBe(200);
      expect((await get(t, '/healthz', '203.0.113.5')).statusCode).toBe(200);
    }
    expect((await get(t, publicSearch(), '203.0.113.5')).statusCode).toBe(200);
  });

  it('behind a trusted proxy, counts the address it forwards, not the proxy', async () => {
    const viaProxy = (client: string) => get(proxied, '/faq/fr', '10.9.9.9', { 'x-forwarded-for': client });
    for (let i = 0; i < 5; i++) expect((await viaProxy('198.51.100.1')).statusCode).toBe(200);
    expect((await viaProxy('198.51.100.1')).statusCode).toBe(429);
    expect((await viaProxy('198.51.100.2')).statusCode).toBe(200);
    // An untrusted caller cannot pick its own address with the header.
    for (let i = 0; i < 5; i++) {
      expect(
        (await get(proxied, '/faq/fr', '192.0.2.7', { 'x-forwarded-for': `198.51.100.${10 + i}` }))
          .statusCode,
      ).toBe(200);
    }
    expect(
      (await get(proxied, '/faq/fr', '192.0.2.7', { 'x-forwarded-for': '198.51.100.99' })).statusCode,
    ).toBe(429);
  });
});

describe.each(DIALECTS)('%s: load shedding', (dialect) => {
  let isUnderPressure = false;
  const t = withApp(dialect, { isUnderPressure: () => isUnderPressure, as: ['agent', 'expert'] });
  let agent: Session;

  beforeAll(async () => {
    agent = t.people.agent;
    await buildEntry(t.app, {
      fr: {
        question: 'Puis-je cumuler le droit passerelle et le chômage temporaire ?',
        answer: 'Non : le chômage temporaire et le droit passerelle ne se cumulent pas pour un même mois.',
      },
    });
  });
  afterAll(() => {
    isUnderPressure = false;
  });

  it('refuses anonymous public requests with a 503 problem and Retry-After while under pressure, and serves them again after', async () => {
    isUnderPressure = true;
    try {
      for (const url of [publicSearch(), '/faq/fr']) {
        const shed = await t.app.inject({ url, headers: { 'accept-language': 'nl' } });
        expectProblem(shed, 503, 'http.overloaded');
        expect(json(shed).title).toBe('De dienst is zwaar belast: probeer het over enkele seconden opnieuw.');
      }
    } finally {
      isUnderPressure = false;
    }
    expect((await t.app.inject({ url: publicSearch() })).statusCode).toBe(200);
  });

  it("keeps serving the staff's work, logins and the health probes while under pressure", async () => {
    isUnderPressure = true;
    try {
      const suggestions = await t.app.inject({
        url: '/api/v1/knowledge/search?q=ch%C3%B4mage&lang=fr',
        headers: { cookie: agent.cookie },
      });
      expect(suggestions.statusCode).toBe(200);
      expect(json(suggestions).results.length).toBeGreaterThan(0);
      // A logged-in person reading the public FAQ is not the crowd.
      expect(
        (await t.app.inject({ url: publicSearch(), headers: { cookie: agent.cookie } })).statusCode,
      ).toBe(200);
      // A forged session cookie does not pass for one.
      const forged = await t.app.inject({
        url: publicSearch(),
        headers: { cookie: 'relais_session=forged' },
      });
      expect(forged.statusCode).toBe(503);
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
      expect((await login(t.app, 'expert')).username).toBe('expert');
    } finally {
      isUnderPressure = false;
    }
  });
});
