import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { type DatabaseHandle, openPostgres } from '../platform/db/database.js';
import { enqueueJob, findJob } from '../platform/jobs/jobs.js';
import { enqueueMail } from '../platform/mail/outbox.js';
import { createTestDatabase, DIALECTS } from '../test-support/databases.js';
import { buildEntry, buildPerson } from '../test-support/factories.js';
import { startSmtpServer, type TestSmtp } from '../test-support/mail-servers.js';
import { startTcpProxy, type TcpProxy } from '../test-support/tcp-proxy.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../test-support/test-app.js';
import { buildApp } from './app.js';

const hasPostgres = DIALECTS.includes('postgres');

const aCall = (question: string) => ({ channel: 'phone', language: 'fr', question });

const postInquiry = (app: FastifyInstance, session: Session, question: string, key: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/inquiries',
    headers: asSession(session, { 'idempotency-key': key }),
    payload: aCall(question),
  });

/** What a caller must be told while the database is away: a 503 problem and when to come back. */
function expectDatabaseUnavailable(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toBe('5');
  expect(json(response)).toMatchObject({ status: 503, code: 'http.database_unavailable' });
}

/** Retries `check` until it passes or `ms` have gone by (then its last failure is thrown). */
async function eventually<T>(check: () => Promise<T>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('sqlite: a database locked by another writer', () => {
  let t: TestApp;
  let agent: Session;
  let locker: SQLite.Database;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const person = await makePerson(t.app, { roles: ['agent'] });
    agent = await login(t.app, person.username);
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(t.app.db);
    locker = new SQLite(rows.find((r) => r.name === 'main')!.file);
    // A tenth of the usual wait, so the test does not sit through five seconds.
    await sql`pragma busy_timeout = 500`.execute(t.app.db);
  });
  afterAll(async () => {
    locker.close();
    await t.close();
  });

  it('answers 503 with Retry-After while the lock holds, keeps nothing, and takes the retry once it is gone', async () => {
    const key = randomUUID();
    locker.exec('begin immediate');
    let during: LightMyRequestResponse;
    try {
      during = await postInquiry(t.app, agent, 'Verrou pendant une sauvegarde', key);
    } finally {
      locker.exec('rollback');
    }
    expectDatabaseUnavailable(during);

    const retried = await postInquiry(t.app, agent, 'Verrou pendant une sauvegarde', key);
    expect(retried.statusCode, retried.body).toBe(201);
    const listed = json(
      await t.app.inject({ url: '/api/v1/inquiries?q=Verrou&limit=10', headers: asSession(agent) }),
    );
    expect(listed.total).toBe(1);
  });
});

describe.skipIf(!hasPostgres)('postgres: its connections terminated under load', () => {
  let t: TestApp;
  let agent: Session;
  let admin: Session;
  let superuser: pg.Client;
  let databaseName: string;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    // Listening starts what runs in the background (jobs, search feed): their connections are
    // terminated too, idle ones included, which is what used to end the process.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
    admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.app.db);
    databaseName = rows[0]!.name;
    superuser = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser?.end();
    await t?.close();
  });

  // What a DBA or a failover does: every backend of Relais' database ended at once.
  const terminateAll = async () => {
    const result = await superuser.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [databaseName],
    );
    return result.rowCount ?? 0;
  };

  it('stays alive, answers 503 to what it cannot do, and keeps every inquiry it acknowledged', async () => {
    const tag = `terminated${randomUUID().slice(0, 8)}`;
    const sent: { key: string; response: LightMyRequestResponse }[] = [];
    let isFlowing = true;
    let counter = 0;
    const worker = async () => {
      while (isFlowing && counter < 150) {
        const key = `${tag}-${counter++}`;
        sent.push({ key, response: await postInquiry(t.app, agent, `Question ${tag} ${key}`, key) });
      }
    };
    const workers = Promise.all([worker(), worker(), worker(), worker()]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const firstRound = await terminateAll();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const secondRound = await terminateAll();
    await new Promise((resolve) => setTimeout(resolve, 250));
    isFlowing = false;
    await workers;
    expect(firstRound + secondRound).toBeGreaterThan(0);

    // Alive, and back: the pool opened new connections on its own.
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await eventually(async () => expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200));
    const statuses = new Set(sent.map((s) => s.response.statusCode));
    expect(
      [...statuses].every((s) => s === 201 || s === 503),
      [...statuses].join(),
    ).toBe(true);
    for (const { response } of sent.filter((s) => s.response.statusCode === 503))
      expectDatabaseUnavailable(response);

    // The caller sends again what got a 503, with the same key: created now, or found if its
    // commit went through and only the answer was lost. Never twice.
    for (const failed of sent.filter((s) => s.response.statusCode !== 201)) {
      const retried = await postInquiry(t.app, agent, `Question ${tag} ${failed.key}`, failed.key);
      expect([200, 201]).toContain(retried.statusCode);
      failed.response = retried;
    }
    const acknowledged = new Set(sent.map((s) => json(s.response).ref as string));
    expect(acknowledged.size).toBe(sent.length);
    const listed = json(
      await t.app.inject({ url: `/api/v1/inquiries?q=${tag}&limit=100`, headers: asSession(admin) }),
    );
    expect(listed.total).toBe(sent.length);
    // Nothing half-written: each inquiry kept came with its audit row, in the same transaction.
    const audit = json(
      await t.app.inject({
        url: '/api/v1/audit?action=inquiries.inquiry_created&limit=200',
        headers: asSession(admin),
      }),
    );
    const audited = new Set(audit.items.map((row: { summary: { ref: string } }) => row.summary.ref));
    expect(audited.size).toBe(sent.length);
    expect([...acknowledged].filter((ref) => !audited.has(ref))).toEqual([]);
  });
});

describe.skipIf(!hasPostgres)('postgres: the connection to the database cut, then restored', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let smtp: TestSmtp;
  let throughProxy: DatabaseHandle;
  let direct: DatabaseHandle;
  let instance: FastifyInstance;
  let other: FastifyInstance;
  const warnings: string[] = [];

  beforeAll(async () => {
    [database, smtp] = await Promise.all([createTestDatabase('postgres'), startSmtpServer()]);
    // The people of the scene, and an FAQ of one entry on the theme the editor writes in.
    for (const role of ['agent', 'editor', 'reviewer'] as const)
      await buildPerson(database.db, { username: role, roles: [role] });
    await buildEntry(database.db, { theme: 'cotisations' });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${database.location}`;
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;
    // A short connection timeout keeps the test short; production waits CONNECT_TIMEOUT_MS.
    throughProxy = openPostgres(proxied.toString(), { max: 5, connectTimeoutMs: 1000 });
    direct = openPostgres(url.toString(), { max: 3 });
    const env = {
      RELAIS_DATA_DIR: '/tmp/relais-test-data',
      RELAIS_DEFAULT_LANGUAGE: 'en',
      RELAIS_LOG_LEVEL: 'warn',
    };
    // The instance that loses its database, with its background work running (it listens)…
    instance = await buildApp({
      config: loadConfig({
        ...env,
        RELAIS_SMTP_URL: smtp.url,
        RELAIS_MAIL_FROM: 'Relais <crisis@relais.example>',
      }),
      database: throughProxy,
      logger: { level: 'warn', stream: { write: (line: string) => void warnings.push(line) } },
    });
    await instance.listen({ port: 0, host: '127.0.0.1' });
    // …and another instance behind the same load balancer, which keeps its database.
    other = await buildApp({ config: loadConfig(env), database: direct, logger: false });
    await other.ready();
  });
  afterAll(async () => {
    await instance?.close();
    await other?.close();
    await throughProxy?.close();
    await direct?.close();
    await proxy?.close();
    await Promise.all([database?.close(), smtp?.close()]);
  });

  it('is unready but alive while cut off, answers 503 problems, and picks up the work of the outage once back', async () => {
    const agent = await login(instance, 'agent');
    const [editor, reviewer, otherAgent] = await Promise.all(
      ['editor', 'reviewer', 'agent'].map((u) => login(other, u)),
    );
    const word = `pontbascule${randomUUID().slice(0, 6)}`;
    const search = () =>
      instance.inject({
        url: `/api/v1/knowledge/search?q=${word}&lang=fr`,
        headers: asSession(agent),
      });
    expect(json(await search()).results).toEqual([]);
    expect((await instance.inject({ url: '/readyz' })).statusCode).toBe(200);

    // A job under way when the database goes: its end cannot be written until it is back.
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let cutDone!: () => void;
    const isCut = new Promise<void>((resolve) => {
      cutDone = resolve;
    });
    instance.jobs.register<Record<string, never>>('test.interrupted', async (job) => {
      if (job.attempt === 1) {
        started();
        await isCut;
      }
      return { result: { attempt: job.attempt } };
    });
    const interrupted = await enqueueJob(direct.db, 'test.interrupted', {});
    instance.jobs.wake();
    await isStarted;

    proxy.cut();
    cutDone();
    const cutAt = Date.now();
    expect((await instance.inject({ url: '/healthz' })).statusCode).toBe(200);
    const ready = await instance.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(json(ready)).toMatchObject({ status: 'unavailable' });
    const key = randomUUID();
    expectDatabaseUnavailable(await postInquiry(instance, agent, 'Pendant la coupure', key));

    // Meanwhile the other instance works on: it publishes an entry, queues an export and a mail.
    const created = await other.inject({
      method: 'POST',
      url: '/api/v1/knowledge/entries',
      headers: asSession(editor!),
      payload: {
        theme: 'cotisations',
        audience: 'internal',
        validFrom: '2021-01-01',
        fr: { question: `Qu’est-ce qu’un ${word} ?`, answer: 'Une réponse.' },
        nl: { question: `Wat is een ${word}?`, answer: 'Een antwoord.' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { ref } = json(created);
    await other.inject({
      method: 'POST',
      url: `/api/v1/knowledge/entries/${ref}/draft/submit`,
      headers: asSession(editor!),
    });
    const published = await other.inject({
      method: 'POST',
      url: `/api/v1/knowledge/entries/${ref}/publish`,
      headers: asSession(reviewer!),
      payload: {},
    });
    expect(published.statusCode, published.body).toBe(200);
    const exported = await other.inject({
      method: 'POST',
      url: '/api/v1/knowledge/exports',
      headers: asSession(otherAgent!),
      payload: { lang: 'fr', format: 'html' },
    });
    expect(exported.statusCode, exported.body).toBe(202);
    const exportUrl = exported.headers.location as string;
    await enqueueMail(direct.db, {
      to: 'marie.dubois@example.be',
      subject: 'Envoyé après la coupure',
      text: 'Bonjour.',
      source: 'test',
    });

    // Long enough for each background loop to meet the outage at least once (the outbox is polled
    // every five seconds); the instance must live through all of it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5_500 - (Date.now() - cutAt))));
    expect((await instance.inject({ url: '/readyz' })).statusCode).toBe(503);
    proxy.restore();

    await eventually(async () => expect((await instance.inject({ url: '/readyz' })).statusCode).toBe(200));
    const retried = await postInquiry(instance, agent, 'Pendant la coupure', key);
    expect(retried.statusCode, retried.body).toBe(201);
    // The search index followed the change feed again…
    await eventually(async () =>
      expect(json(await search()).results.map((r: { ref: string }) => r.ref)).toEqual([ref]),
    );
    // …the job runner ran the export queued during the outage…
    await eventually(async () => {
      const job = json(await instance.inject({ url: exportUrl, headers: asSession(otherAgent!) }));
      expect(job.status).toBe('done');
    });
    // …and the job the outage interrupted went back to the queue and ran again, without waiting for
    // its heartbeat to look dead (a minute).
    await eventually(async () => {
      const job = await findJob(direct.db, 'test.interrupted', interrupted);
      expect(job).toMatchObject({ status: 'done', result: { attempt: 2 } });
    }, 15_000);
    // …and the outbox was sent.
    const [mail] = await smtp.waitFor(1, 10_000);
    expect(mail!.parsed.subject).toBe('Envoyé après la coupure');

    const logged = warnings.join('');
    expect(logged).toContain('job runner: polling failed');
    expect(logged).toContain('mail: sending the outbox failed');
  }, 60_000);
});
