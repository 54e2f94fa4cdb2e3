import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildEntry, buildPerson } from '../../test-support/factories.js';
import { startDovecot, type TestImap } from '../../test-support/mail-servers.js';
import { asSession, createTestApp, login, makePerson, type TestApp } from '../../test-support/test-app.js';
import { createToken } from '../auth/tokens.js';
import { enqueueJob } from '../jobs/jobs.js';

/** The value of one series in Prometheus's text format (undefined when the series is absent). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe.each(DIALECTS)('%s: the operators’ Prometheus metrics', (dialect) => {
  let t: TestApp;
  let token: string;
  let isUnderPressure = false;
  const scrape = async () => {
    const response = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      env: { RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '3' },
      isUnderPressure: () => isUnderPressure,
    });
    const monitoring = await buildPerson(t.app.db, { roles: ['integration'], username: 'monitoring' });
    ({ token } = await createToken(t.app.db, {
      personId: monitoring.id,
      name: 'Prometheus',
      createdBy: null,
    }));
  });
  afterAll(() => t?.close());

  it('answers the monitoring’s integration token, refuses without credentials (401) and an employee (403)', async () => {
    const anonymous = await t.app.inject({ url: '/metrics' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.body).not.toContain('relais_http_requests_total');

    const employee = await login(t.app, (await makePerson(t.app, { roles: ['employee'] })).username);
    const refused = await t.app.inject({ url: '/metrics', headers: asSession(employee) });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('relais_http_requests_total');

    const answered = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    expect(answered.statusCode).toBe(200);
    expect(answered.headers['content-type']).toContain('text/plain; version=0.0.4');
    expect(answered.headers['cache-control']).toBe('no-store');
  });

  it('counts and times requests per route pattern, method and status class, and reads the queues at scrape time', async () => {
    const agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
    const entry = await buildEntry(t.app);
    for (const q of ['chômage', 'droit passerelle'])
      expect(
        (
          await t.app.inject({
            url: `/api/v1/knowledge/search?q=${encodeURIComponent(q)}`,
            headers: asSession(agent),
          })
        ).statusCode,
      ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/v1/knowledge/entries/${entry.ref}`, headers: asSession(agent) }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: '/api/v1/inquiries/Q-2020-999999', headers: asSession(agent) })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/no/such/page-42' })).statusCode).toBe(404);
    await enqueueJob(t.app.db, 'metrics-test', {});
    await enqueueJob(t.app.db, 'metrics-test', {});

    const text = await scrape();
    const search = { route: '/api/v1/knowledge/search', method: 'GET', status_class: '2xx' };
    expect(sample(text, 'relais_http_requests_total', search)).toBe(2);
    expect(sample(text, 'relais_http_request_duration_seconds_count', search)).toBe(2);
    expect(sample(text, 'relais_http_request_duration_seconds_bucket', { ...search, le: '+Inf' })).toBe(2);
    // The pattern, not the address: one series for every entry and every inquiry.
    expect(
      sample(text, 'relais_http_requests_total', {
        route: '/api/v1/knowledge/entries/:ref',
        status_class: '2xx',
      }),
    ).toBe(1);
    expect(
      sample(text, 'relais_http_requests_total', { route: '/api/v1/inquiries/:ref', status_class: '4xx' }),
    ).toBe(1);
    expect(
      sample(text, 'relais_http_requests_total', { route: 'unmatched', status_class: '4xx' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('Q-2020-999999');
    expect(text).not.toContain('page-42');

    expect(sample(text, 'relais_knowledge_search_duration_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'relais_jobs', { status: 'queued' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'relais_jobs_oldest_due_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'relais_mail_outbox', { status: 'queued' })).toBe(0);
    expect(sample(text, 'relais_mail_outbox', { status: 'failed' })).toBe(0);
    expect(sample(text, 'relais_sse_connections')).toBe(0);
    expect(text).toContain('# TYPE relais_http_refused_total counter');
    // No crisis mailbox configured on this instance: no lag to report (see the mailbox's own test).
    expect(text).not.toContain('relais_mailbox_');
  });

  it('counts the public requests refused by the per-address limit (429) and by load shedding (503)', async () => {
    const before = await scrape();
    const refusedBefore =
      sample(before, 'relais_http_refused_total', { reason: 'rate_limited', crowd_class: 'public' }) ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await t.app.inject({
            url: `/api/v1/public/faq/search?q=a${i}&lang=fr`,
            remoteAddress: '203.0.113.7',
          })
        ).statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);

    isUnderPressure = true;
    try {
      expect(
        (await t.app.inject({ url: '/api/v1/public/faq/search?q=b&lang=fr', remoteAddress: '203.0.113.8' }))
          .statusCode,
      ).toBe(503);
    } finally {
      isUnderPressure = false;
    }
    const after = await scrape();
    expect(
      sample(after, 'relais_http_refused_total', { reason: 'rate_limited', crowd_class: 'public' }),
    ).toBe(refusedBefore + 2);
    expect(sample(after, 'relais_http_refused_total', { reason: 'shed', crowd_class: 'public' })).toBe(1);
    expect(
      sample(after, 'relais_http_requests_total', {
        route: '/api/v1/public/faq/search',
        status_class: '4xx',
      }),
    ).toBe(2);
    expect(
      sample(after, 'relais_http_requests_total', {
        route: '/api/v1/public/faq/search',
        status_class: '5xx',
      }),
    ).toBe(1);
  });

  it('counts the live-notice streams open on the instance, and forgets a closed one', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
    const response = await fetch(`${address}/api/v1/knowledge/events`, {
      headers: { cookie: agent.cookie, accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read();
    expect(sample(await scrape(), 'relais_sse_connections')).toBe(1);
    await reader.cancel();
    await expect.poll(async () => sample(await scrape(), 'relais_sse_connections')).toBe(0);
  });
});

describe.each(DIALECTS)('%s: the crisis mailbox’s lag in the metrics', (dialect) => {
  let t: TestApp;
  let imap: TestImap;
  let token: string;
  beforeAll(async () => {
    imap = await startDovecot();
    t = await createTestApp(dialect, { env: { RELAIS_IMAP_URL: imap.url } });
    const monitoring = await buildPerson(t.app.db, { roles: ['integration'] });
    ({ token } = await createToken(t.app.db, {
      personId: monitoring.id,
      name: 'Prometheus',
      createdBy: null,
    }));
  });
  afterAll(async () => {
    await t?.close();
    await imap?.close();
  });
  const scrape = async () =>
    (await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } })).body;

  it('grows from the start until the mailbox is read, then says how many unseen mails the read found', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = await scrape();
    expect(sample(before, 'relais_mailbox_seconds_since_last_read')).toBeGreaterThanOrEqual(1);
    expect(sample(before, 'relais_mailbox_unseen_messages')).toBe(0);
    for (const n of [1, 2])
      await imap.deliver(
        Buffer.from(
          `From: marie${n}@example.be\r\nTo: crisis@relais.example\r\nSubject: Question ${n}\r\nMessage-ID: <lag-${n}-${dialect}@example.be>\r\n\r\nBonjour, droit passerelle ?\r\n`,
        ),
      );
    await t.app.mail.mailbox.pollOnce();
    const after = await scrape();
    expect(sample(after, 'relais_mailbox_seconds_since_last_read')).toBeLessThan(1);
    expect(sample(after, 'relais_mailbox_unseen_messages')).toBe(2);
  });
});
