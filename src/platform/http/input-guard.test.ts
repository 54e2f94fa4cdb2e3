import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { translate } from '../i18n/i18n.js';
import { BODY_LIMITS, QUERY_LIMITS } from './input-limits.js';
import { MAX_REPORTED_ERRORS } from './problem.js';

// Before the guard, 90,000 keys sent to the login took 1.3-1.6 s of the event loop and came back
// as a 9.9 MB problem listing every key twice. A refusal must be quick and short, whatever the shape.
const QUICK_MS = 100;
const SMALL_BYTES = 4_096;

const keys = (count: number, name = (i: number) => String(i)) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [name(i), 0])));

const login = (payload: string, extra: Partial<InjectOptions> = {}): InjectOptions => ({
  method: 'POST',
  url: '/api/v1/auth/login',
  headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
  payload,
  ...extra,
});

describe.each(DIALECTS)('%s: hostile input shapes', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Sends a request once to warm up, then times it: the answer and its duration. */
  async function timed(options: InjectOptions) {
    await t.app.inject(options);
    const start = performance.now();
    const response = await t.app.inject(options);
    return { response, ms: performance.now() - start };
  }

  it('refuses a 90,000-key login body anonymously, quickly and in a few hundred bytes', async () => {
    const body = keys(90_000);
    expect(body.length).toBeLessThan(1024 * 1024);
    const { response, ms } = await timed(login(body));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'input.body_too_wide',
      limit: BODY_LIMITS.maxWidth,
      title: translate('fr', 'input.body_too_wide', { limit: BODY_LIMITS.maxWidth }),
    });
    expect(response.body.length).toBeLessThan(SMALL_BYTES);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('refuses deep nesting and too many values before validation', async () => {
    const deep = `{"username":${'['.repeat(400_000)}${']'.repeat(400_000)}}`;
    const deepAnswer = await timed(login(deep));
    expect(deepAnswer.response.json()).toMatchObject({ status: 400, code: 'input.body_too_deep' });
    expect(deepAnswer.ms).toBeLessThan(QUICK_MS);

    const rows = Array.from({ length: 10 }, () => Array.from({ length: 900 }, () => 'x'));
    const { response, ms } = await timed(login(JSON.stringify({ username: 'a', password: 'b', rows })));
    expect(response.json()).toMatchObject({ status: 400, code: 'input.body_too_many_values' });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('answers a body within the limits that breaks every rule with a bounded list and the count of the rest', async () => {
    const { response, ms } = await timed(login(keys(BODY_LIMITS.maxWidth, (i) => `unknown${i}`)));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('validation.failed');
    // Two missing fields (username, password) and 1,000 unknown ones.
    expect(problem.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(problem.omittedErrors).toBe(BODY_LIMITS.maxWidth + 2 - MAX_REPORTED_ERRORS);
    expect(problem.detail).toContain(
      translate('fr', 'input.more_errors', { count: BODY_LIMITS.maxWidth + 2 - 10 }),
    );
    expect(response.body.length).toBeLessThan(16_384);
    expect(ms).toBeLessThan(QUICK_MS * 2);
  });

  it('names a field after a huge key in a few characters only', async () => {
    const response = await t.app.inject(
      login(JSON.stringify({ username: 'a', password: 'b', ['k'.repeat(500_000)]: 1 })),
    );
    expect(response.statusCode).toBe(400);
    const [error] = response.json().errors;
    expect(error.code).toBe('validation.additionalProperties');
    expect(error.field.length).toBeLessThanOrEqual(120);
    expect(response.body.length).toBeLessThan(SMALL_BYTES);
  });

  it('refuses a query string with too many parameters or too long, naming the limit', async () => {
    const many = await timed({ url: `/api/v1/public/faq/search?${'a=1&'.repeat(150)}` });
    expect(many.response.statusCode).toBe(400);
    expect(many.response.json()).toMatchObject({
      code: 'input.query_too_many_parameters',
      limit: QUERY_LIMITS.maxParameters,
    });
    expect(many.ms).toBeLessThan(QUICK_MS);
    const wide = await timed({
      url: `/api/v1/public/faq/search?${Array.from({ length: 300 }, (_, i) => `k${i}=1`).join('&')}`,
    });
    expect(wide.response.json().code).toBe('input.query_too_many_parameters');
    expect(wide.response.body.length).toBeLessThan(SMALL_BYTES);
    const long = await t.app.inject({ url: `/api/v1/public/faq/search?q=${'x'.repeat(20_000)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'input.query_too_long', limit: QUERY_LIMITS.maxLength });
  });

  it('still reads ordinary JSON, and still refuses broken JSON and __proto__ keys', async () => {
    const wrong = await t.app.inject(
      login(JSON.stringify({ username: 'nobody', password: 'wrong-password' })),
    );
    expect(wrong.statusCode).toBe(401);
    const broken = await t.app.inject(login('{"username":'));
    expect(broken.json().code).toBe('http.invalid_json');
    const empty = await t.app.inject(login(''));
    expect(empty.json().code).toBe('http.invalid_json');
    const proto = await t.app.inject(login('{"__proto__":{"isAdmin":true}}'));
    expect(proto.statusCode).toBe(400);
  });

  it('keeps /healthz answering while hostile bodies arrive', async () => {
    const body = keys(90_000);
    const start = performance.now();
    const [health] = await Promise.all([
      t.app.inject({ url: '/healthz' }),
      ...Array.from({ length: 4 }, () => t.app.inject(login(body))),
    ]);
    expect(health.statusCode).toBe(200);
    expect(performance.now() - start).toBeLessThan(QUICK_MS * 4);
  });
});
