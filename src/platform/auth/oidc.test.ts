import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryTables } from '../../modules/directory/index.js';
import { buildApp } from '../../server/app.js';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import {
  freePort,
  type ProviderAccount,
  startTestProvider,
  TestBrowser,
  type TestProvider,
} from '../../test-support/oidc-provider.js';
import { createTestApp, makePerson } from '../../test-support/test-app.js';
import type { AuditTables } from '../audit/audit.js';
import { loadConfig } from '../config.js';
import type { DatabaseHandle, Dialect } from '../db/database.js';
import { addMinutes, nowInstant } from '../db/time.js';
import type { AuthTables } from './tables.js';

type Db = Kysely<AuthTables & AuditTables>;

const CALLBACK = '/api/v1/auth/oidc/callback';

/** A Relais instance configured for single sign-on; it listens only when `port` is given. */
async function startRelais(
  database: DatabaseHandle,
  env: { publicUrl: string; issuer: string; clientId: string; clientSecret?: string },
  port?: number,
): Promise<FastifyInstance> {
  const config = loadConfig({
    RELAIS_DATA_DIR: '/tmp/relais-test-data',
    RELAIS_DEFAULT_LANGUAGE: 'en',
    RELAIS_LOG_LEVEL: 'silent',
    RELAIS_PUBLIC_URL: env.publicUrl,
    OIDC_ISSUER: env.issuer,
    OIDC_CLIENT_ID: env.clientId,
    ...(env.clientSecret && { OIDC_CLIENT_SECRET: env.clientSecret }),
    OIDC_LABEL: 'Connexion SPF',
  });
  const app = await buildApp({ config, database, logger: false });
  if (port) await app.listen({ port, host: '127.0.0.1' });
  else await app.ready();
  return app;
}

const auditOf = (db: Db, action: string) =>
  db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at', 'desc').execute();

async function me(relaisUrl: string, browser: TestBrowser) {
  const url = new URL('/api/v1/me', relaisUrl);
  const response = await fetch(url, { headers: { cookie: browser.jar.header(url) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(DIALECTS)('%s: single sign-on with OpenID Connect', (dialect: Dialect) => {
  let provider: TestProvider;
  /** The provider's accounts, read at each login: a test may change a claim between two logins. */
  let accounts: Record<string, ProviderAccount>;
  let database: DatabaseHandle;
  let publicDatabase: DatabaseHandle;
  let relais: FastifyInstance;
  let publicRelais: FastifyInstance;
  let relaisUrl: string;
  let publicRelaisUrl: string;
  let db: Db;

  beforeAll(async () => {
    const [port, publicPort] = [await freePort(), await freePort()];
    relaisUrl = `http://127.0.0.1:${port}`;
    publicRelaisUrl = `http://127.0.0.1:${publicPort}`;
    accounts = {
      'idp-marie': { preferred_username: 'marie.peeters', email: 'idp-marie@example.org', name: 'Marie' },
      'idp-by-mail': {
        preferred_username: 'm.janssens',
        email: 'Jan.Janssens@example.org',
        email_verified: true,
      },
      'idp-unverified': {
        preferred_username: 'someone',
        email: 'jan.janssens@example.org',
        email_verified: false,
      },
      'idp-stranger': { preferred_username: 'stranger', email: 'stranger@elsewhere.example' },
      'idp-former': { preferred_username: 'former.agent' },
      'idp-silent-mail': { preferred_username: 'not.in.relais', email: 'paul.martin@example.org' },
      'idp-lucie': { preferred_username: 'lucie.dubois' },
      'idp-impostor': {
        preferred_username: 'lucie.dubois',
        email: 'lucie.dubois@example.org',
        email_verified: true,
      },
    };
    provider = await startTestProvider({
      accounts,
      clients: [
        { client_id: 'relais', client_secret: 'relais-secret', redirect_uris: [relaisUrl + CALLBACK] },
        {
          client_id: 'relais-public',
          token_endpoint_auth_method: 'none',
          redirect_uris: [publicRelaisUrl + CALLBACK],
        },
      ],
    });
    database = await createTestDatabase(dialect);
    db = database.db as Db;
    relais = await startRelais(
      database,
      { publicUrl: relaisUrl, issuer: provider.issuer, clientId: 'relais', clientSecret: 'relais-secret' },
      port,
    );
    publicDatabase = await createTestDatabase(dialect);
    publicRelais = await startRelais(
      publicDatabase,
      { publicUrl: publicRelaisUrl, issuer: provider.issuer, clientId: 'relais-public' },
      publicPort,
    );
    await makePerson(relais, { username: 'marie.peeters', roles: ['agent'] });
    await makePerson(relais, { username: 'jan.janssens' });
    await makePerson(relais, { username: 'paul.martin' });
    await makePerson(relais, { username: 'lucie.dubois' });
    await makePerson(relais, { username: 'marc.lambert' });
    const former = await makePerson(relais, { username: 'former.agent' });
    await (database.db as Kysely<DirectoryTables>)
      .updateTable('directory_person')
      .set({ is_active: 0 })
      .where('id', '=', former.id)
      .execute();
    await makePerson(publicRelais, { username: 'marie.peeters' });
  });

  afterAll(async () => {
    await relais?.close();
    await publicRelais?.close();
    await database?.close();
    await publicDatabase?.close();
    await provider?.close();
  });

  it('offers single sign-on on the login page, with its label', async () => {
    const response = await relais.inject({ url: '/api/v1/auth/providers' });
    expect(response.json()).toEqual({ password: true, oidc: { enabled: true, label: 'Connexion SPF' } });
  });

  it('logs a known person in and brings them back where they started', async () => {
    provider.loginAs('idp-marie');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start?returnTo=/calls/new?lang=fr');

    expect(visit.landedOn.href).toBe(`${relaisUrl}/calls/new?lang=fr`);
    const authorize = visit.hops.find((u) => u.origin === provider.issuer && u.pathname === '/auth');
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    const answer = await me(relaisUrl, browser);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ username: 'marie.peeters', roles: ['agent'], authMethod: 'session' });

    const login = (await auditOf(db, 'auth.login'))[0];
    expect(login).toMatchObject({ actor_username: 'marie.peeters', summary: '{"method":"oidc"}' });
    const sessions = await db
      .selectFrom('auth_session')
      .select('method')
      .where('method', '=', 'oidc')
      .execute();
    expect(sessions).toHaveLength(1);
    // The used state is gone: the callback URL cannot be replayed.
    expect(await db.selectFrom('auth_oidc_request').selectAll().execute()).toEqual([]);
  });

  it('sets the same HttpOnly SameSite session cookie as password login', async () => {
    provider.loginAs('idp-marie');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start', {
      stopBefore: (u) => u.pathname === CALLBACK,
    });
    const callback = await fetch(visit.landedOn, {
      redirect: 'manual',
      headers: { cookie: browser.jar.header(visit.landedOn) },
    });
    const sessionCookie = callback.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookie).toMatch(/Path=\//);
    expect(callback.headers.get('location')).toBe('/');
  });

  it('finds the person by e-mail when the username claim names nobody', async () => {
    provider.loginAs('idp-by-mail');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    await browser.visit('/api/v1/auth/oidc/start');
    expect((await me(relaisUrl, browser)).body).toMatchObject({ username: 'jan.janssens' });
  });

  it('does not trust an e-mail the provider marks as unverified', async () => {
    provider.loginAs('idp-unverified');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start');
    expect(visit.landedOn.pathname + visit.landedOn.search).toBe('/login?error=auth.oidc_unknown_user');
  });

  it('does not trust an e-mail the provider says nothing about having verified', async () => {
    provider.loginAs('idp-silent-mail');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start');
    expect(visit.landedOn.pathname + visit.landedOn.search).toBe('/login?error=auth.oidc_unknown_user');
    expect((await me(relaisUrl, browser)).status).toBe(401);
  });

  describe('binding a person to the provider account that first logged in as them', () => {
    const logInAs = async (accountId: string) => {
      provider.loginAs(accountId);
      const browser = new TestBrowser(relaisUrl, provider.issuer);
      const visit = await browser.visit('/api/v1/auth/oidc/start');
      return { visit, me: await me(relaisUrl, browser) };
    };

    it('binds at the first login, then recognises the account by issuer and sub whatever its username becomes', async () => {
      expect((await logInAs('idp-lucie')).me.body).toMatchObject({ username: 'lucie.dubois' });
      const bound = (await auditOf(db, 'auth.oidc_bound'))[0];
      expect(JSON.parse(bound!.summary)).toEqual({ issuer: provider.issuer, subject: 'idp-lucie' });

      // Renamed at the provider, even to the username of another Relais person: still Lucie.
      accounts['idp-lucie']!.preferred_username = 'marc.lambert';
      expect((await logInAs('idp-lucie')).me.body).toMatchObject({ username: 'lucie.dubois' });
      accounts['idp-lucie']!.preferred_username = 'lucie.renamed';
      expect((await logInAs('idp-lucie')).me.body).toMatchObject({ username: 'lucie.dubois' });
      // Bound once: the later logins bound nothing more.
      const bindings = await auditOf(db, 'auth.oidc_bound');
      expect(bindings.filter((row) => row.actor_username === 'lucie.dubois')).toHaveLength(1);
    });

    it('refuses another provider account claiming the username (or e-mail) of a bound person, and audits it', async () => {
      await logInAs('idp-lucie');
      const attempt = await logInAs('idp-impostor');
      expect(attempt.visit.landedOn.pathname + attempt.visit.landedOn.search).toBe(
        '/login?error=auth.oidc_unknown_user',
      );
      expect(attempt.me.status).toBe(401);
      const failure = (await auditOf(db, 'auth.login_failed'))[0];
      expect(failure).toMatchObject({ actor_id: null, actor_username: 'lucie.dubois' });
      expect(JSON.parse(failure!.summary)).toEqual({
        method: 'oidc',
        reason: 'auth.oidc_unknown_user',
        boundToAnotherAccount: true,
      });
    });
  });

  it('refuses a person unknown to Relais, says why, and audits the attempt', async () => {
    provider.loginAs('idp-stranger');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start?returnTo=/admin');

    expect(visit.landedOn.pathname + visit.landedOn.search).toBe('/login?error=auth.oidc_unknown_user');
    expect(browser.jar.get(new URL(relaisUrl), 'relais_session')).toBeUndefined();
    const failure = (await auditOf(db, 'auth.login_failed'))[0];
    expect(failure).toMatchObject({ actor_id: null, actor_username: 'stranger', object_type: 'person' });
    expect(JSON.parse(failure!.summary)).toEqual({ method: 'oidc', reason: 'auth.oidc_unknown_user' });
  });

  it('refuses a person whose Relais account is disabled', async () => {
    provider.loginAs('idp-former');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start');
    expect(visit.landedOn.search).toBe('?error=auth.account_inactive');
    expect((await me(relaisUrl, browser)).status).toBe(401);
  });

  it('refuses a callback whose state was tampered with', async () => {
    provider.loginAs('idp-marie');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const toCallback = await browser.visit('/api/v1/auth/oidc/start', {
      stopBefore: (u) => u.pathname === CALLBACK,
    });
    const tampered = new URL(toCallback.landedOn);
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);

    const visit = await browser.visit(tampered);
    expect(visit.landedOn.search).toBe('?error=auth.oidc_failed');
    expect((await me(relaisUrl, browser)).status).toBe(401);
  });

  it('refuses a genuine callback opened in another browser (no login planted on someone else)', async () => {
    provider.loginAs('idp-marie');
    const attacker = new TestBrowser(relaisUrl, provider.issuer);
    const toCallback = await attacker.visit('/api/v1/auth/oidc/start', {
      stopBefore: (u) => u.pathname === CALLBACK,
    });
    const victim = new TestBrowser(relaisUrl, provider.issuer);
    const visit = await victim.visit(toCallback.landedOn);
    expect(visit.landedOn.search).toBe('?error=auth.oidc_failed');
    expect((await me(relaisUrl, victim)).status).toBe(401);
  });

  it('refuses a forged authorization code (the provider says no)', async () => {
    provider.loginAs('idp-marie');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const toCallback = await browser.visit('/api/v1/auth/oidc/start', {
      stopBefore: (u) => u.pathname === CALLBACK,
    });
    const forged = new URL(toCallback.landedOn);
    forged.searchParams.set('code', 'forged-code');
    const visit = await browser.visit(forged);
    expect(visit.landedOn.search).toBe('?error=auth.oidc_failed');
  });

  it('refuses a login left unfinished for more than ten minutes', async () => {
    provider.loginAs('idp-marie');
    const browser = new TestBrowser(relaisUrl, provider.issuer);
    const toCallback = await browser.visit('/api/v1/auth/oidc/start', {
      stopBefore: (u) => u.pathname === CALLBACK,
    });
    await db
      .updateTable('auth_oidc_request')
      .set({ created_at: addMinutes(nowInstant(), -11) })
      .execute();
    const visit = await browser.visit(toCallback.landedOn);
    expect(visit.landedOn.search).toBe('?error=auth.oidc_failed');
    expect(await db.selectFrom('auth_oidc_request').selectAll().execute()).toEqual([]);
  });

  it.each(['https://evil.example', '//evil.example/path', '/\\evil.example'])(
    'does not follow returnTo %s off the site',
    async (returnTo) => {
      provider.loginAs('idp-marie');
      const browser = new TestBrowser(relaisUrl, provider.issuer);
      const visit = await browser.visit(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
      expect(visit.landedOn.href).toBe(`${relaisUrl}/`);
      expect((await me(relaisUrl, browser)).status).toBe(200);
    },
  );

  it('finishes on one instance a login started on another (state lives in the database)', async () => {
    const other = await startRelais(database, {
      publicUrl: relaisUrl,
      issuer: provider.issuer,
      clientId: 'relais',
      clientSecret: 'relais-secret',
    });
    try {
      provider.loginAs('idp-marie');
      const browser = new TestBrowser(relaisUrl, provider.issuer);
      const started = await other.inject({ url: '/api/v1/auth/oidc/start?returnTo=/faq' });
      const stateCookie = started.cookies.find((c) => c.name === 'relais_oidc_state')!;
      browser.jar.store(new URL(relaisUrl), [`relais_oidc_state=${stateCookie.value}`]);
      const visit = await browser.visit(started.headers.location as string);
      expect(visit.landedOn.pathname).toBe('/faq');
      expect((await me(relaisUrl, browser)).body).toMatchObject({ username: 'marie.peeters' });
    } finally {
      await other.close();
    }
  });

  it('logs in with a public client that proves itself with PKCE alone', async () => {
    provider.loginAs('idp-marie');
    const browser = new TestBrowser(publicRelaisUrl, provider.issuer);
    const visit = await browser.visit('/api/v1/auth/oidc/start?returnTo=/desk');
    expect(visit.landedOn.pathname).toBe('/desk');
    expect((await me(publicRelaisUrl, browser)).body).toMatchObject({ username: 'marie.peeters' });
  });
});

describe.each(DIALECTS)('%s: single sign-on unavailable', (dialect: Dialect) => {
  it('starts while the provider is down, keeps password login, and sends the browser back with a code', async () => {
    const database = await createTestDatabase(dialect);
    const deadIssuer = `http://127.0.0.1:${await freePort()}`;
    const app = await startRelais(database, {
      publicUrl: 'http://relais.test',
      issuer: deadIssuer,
      clientId: 'relais',
    });
    try {
      const person = await makePerson(app);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: person.username, password: 'test-password-1' },
      });
      expect(login.statusCode).toBe(200);
      const start = await app.inject({ url: '/api/v1/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/login?error=auth.oidc_failed');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('says single sign-on is off when it is not configured', async () => {
    const t = await createTestApp(dialect);
    try {
      const providers = await t.app.inject({ url: '/api/v1/auth/providers' });
      expect(providers.json()).toEqual({ password: true, oidc: { enabled: false, label: 'OpenID Connect' } });
      const start = await t.app.inject({ url: '/api/v1/auth/oidc/start' });
      expect(start.headers.location).toBe('/login?error=auth.oidc_not_configured');
    } finally {
      await t.close();
    }
  });
});
