import { createHash } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, isAbility } from '../../src/platform/auth/permissions.js';
import { openSession } from '../../src/platform/auth/sessions.js';
import { createToken } from '../../src/platform/auth/tokens.js';
import { translate } from '../../src/platform/i18n/i18n.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildPartner, buildPerson } from '../../src/test-support/factories.js';
import { createTestApp, type TestApp } from '../../src/test-support/test-app.js';
import { type BadRequest, badRequests, headerCases } from './bad-input-cases.js';
import { loadOperations, type Operation } from './openapi-walk.js';

// The bad-input walk: every operation of the OpenAPI document gets broken JSON, wrong types, deep
// nesting, control characters, huge strings and bodies, odd content types, malformed query strings
// and path parameters, without credentials and as an admin. Whatever comes in, the answer is a
// clean 4xx problem document (or a success), never a 5xx, never an internal message, and nobody
// without credentials writes or reads personal data.

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What an unauthenticated request must never change (content, not only row counts).
const GUARDED_TABLES =
  /^(audit_log|directory_.*|auth_session|auth_token|auth_credential|workplace_.*|telework_.*|equipment_.*|inquiry_call_record)$/;
const LEAKS =
  /FST_ERR|SQLITE_|\bat \S+\.(js|ts):\d+|Unexpected token|in JSON at position|violates|syntax error/i;
const MAX_REPORTED = 40;
// Whatever the shape of a hostile request within the body limit, its refusal is short and quick
// (a 90,000-key body once took 1.3-1.8 s in process, on a quiet machine, and answered 9.9 MB; now
// about 5 ms). The bound sits below that stall with room for a busy CI machine, where a refusal of a
// few milliseconds was seen to take 321 ms twice in a row: a slow refusal is sent again, and it is a
// fault only if all three tries are slow, as a stall is every time.
const MAX_PROBLEM_BYTES = 16_384;
const MAX_REFUSAL_MS = 1000;
const REFUSAL_TRIES = 3;

type Pass = 'no credentials' | 'admin token' | 'admin session';
type Access = string | undefined;

/** What is wrong with an answer, or nothing. */
function faultsOf(
  response: LightMyRequestResponse,
  request: BadRequest,
  operation: Operation,
  pass: Pass,
  access: Access,
  ms: number,
): string[] {
  const status = response.statusCode;
  const faults: string[] = [];
  if (status >= 500) faults.push('5xx');
  if (status >= 400 && response.body.length > MAX_PROBLEM_BYTES)
    faults.push(`a problem of ${response.body.length} bytes`);
  if (status >= 400 && ms > MAX_REFUSAL_MS)
    faults.push(`refused in ${Math.round(ms)} ms, ${REFUSAL_TRIES} times`);
  if (String(response.headers['x-request-id']).length > 128) faults.push('x-request-id echoed unchecked');
  // A field the schema does not know is refused by name (400, before any lookup), never silently
  // dropped or stored.
  // An admin holds nearly every ability, not all (acknowledging changes belongs to a fund's users):
  // a 403 from the permission table is a refusal too.
  const adminLacksAbility =
    pass !== 'no credentials' && isAbility(access) && !can(['admin'], access) && status === 403;
  const isRefused = status === 400 || (pass === 'no credentials' && status === 401) || adminLacksAbility;
  if (request.hasUnknownField && operation.body && !isRefused) faults.push('unknown field not refused');
  if (pass === 'no credentials' && status < 300) {
    if (WRITES.has(request.method)) faults.push('unauthenticated write succeeded');
    else if (access !== 'public')
      faults.push(`unauthenticated read of a ${access ?? 'undeclared'} route succeeded`);
  }
  if (status >= 400 && request.method !== 'HEAD') faults.push(...problemFaults(response));
  return faults;
}

/** Every error answer is an RFC 9457 document with Relais' stable code and a translated title. */
function problemFaults(response: LightMyRequestResponse): string[] {
  if (!String(response.headers['content-type']).startsWith('application/problem+json'))
    return [`content-type ${response.headers['content-type']}: ${response.body.slice(0, 120)}`];
  let problem: Record<string, unknown>;
  try {
    problem = response.json();
  } catch {
    return ['problem body is not JSON'];
  }
  const faults: string[] = [];
  if (typeof problem.type !== 'string' || !problem.type) faults.push('no type');
  if (problem.status !== response.statusCode) faults.push(`status ${String(problem.status)} in the body`);
  if (typeof problem.code !== 'string' || !/^[a-z_]+(\.[A-Za-z_]+)+$/.test(problem.code))
    faults.push(`code ${String(problem.code)}`);
  if (typeof problem.title !== 'string' || !problem.title || problem.title === problem.code)
    faults.push(`title without a message: ${String(problem.title)}`);
  if ('detail' in problem && (typeof problem.detail !== 'string' || !problem.detail.trim()))
    faults.push(`empty detail (${String(problem.code)})`);
  if (LEAKS.test(response.body)) faults.push(`internal text in the answer: ${response.body.slice(0, 160)}`);
  return faults;
}

/** A fingerprint of each guarded table's rows, to prove nothing was written. */
async function snapshot(db: Kysely<any>, dialect: string): Promise<Record<string, string>> {
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const tables = (await db.introspection.getTables())
    .filter((table) => (schema ? table.schema === schema : true) && GUARDED_TABLES.test(table.name))
    .map((table) => table.name)
    .sort();
  const result: Record<string, string> = {};
  for (const table of tables) {
    const rows = (await db.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
    result[table] = `${rows.length} rows ${createHash('sha256').update(rows.join('\n')).digest('hex')}`;
  }
  return result;
}

describe.each(DIALECTS)('%s: bad-input walk', (dialect) => {
  let t: TestApp;
  let operations: Operation[];
  let accessOf: Map<string, Access>;
  let adminId: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The fund the walked urls name (openapi-walk.ts), and the admin whose token walks them.
    await buildPartner(t.app, { code: 'acerta' });
    operations = await loadOperations(t.app);
    accessOf = new Map(t.app.routeRecords.map((r) => [`${r.method} ${r.url}`, r.access]));
    adminId = (await buildPerson(t.app.db, { username: 'admin', roles: ['admin'], language: 'fr' })).id;
    adminToken = (await createToken(t.app.db, { personId: adminId, name: 'bad-input walk', createdBy: null }))
      .token;
  });
  afterAll(() => t.close());

  async function timedInject(options: InjectOptions) {
    const start = performance.now();
    const response = await t.app.inject(options);
    return { response, ms: performance.now() - start };
  }

  /** Sends each request of each operation; returns the faults found, one line each. */
  async function walk(
    pass: Pass,
    requestsOf: (operation: Operation) => BadRequest[],
    credentials: (previousStatus: number | undefined) => Promise<Record<string, string>>,
  ): Promise<{ sent: number; faults: string[] }> {
    let sent = 0;
    let previousStatus: number | undefined;
    const faults: string[] = [];
    for (const operation of operations) {
      const access = accessOf.get(`${operation.method} ${operation.routeUrl}`);
      for (const request of requestsOf(operation)) {
        const options: InjectOptions = {
          method: request.method as InjectOptions['method'],
          url: request.url,
          headers: { ...request.headers, ...(await credentials(previousStatus)) },
          ...(request.payload !== undefined && { payload: request.payload }),
        };
        let { response, ms } = await timedInject(options);
        for (
          let tries = 1;
          tries < REFUSAL_TRIES && response.statusCode >= 400 && ms > MAX_REFUSAL_MS;
          tries++
        )
          ({ response, ms } = await timedInject(options));
        sent += 1;
        previousStatus = response.statusCode;
        for (const fault of faultsOf(response, request, operation, pass, access, ms)) {
          faults.push(
            `${pass}: ${request.method} ${operation.path} [${request.label}] → ${response.statusCode}: ${fault}`,
          );
        }
      }
    }
    return { sent, faults };
  }

  const report = (faults: string[]) => ({ count: faults.length, first: faults.slice(0, MAX_REPORTED) });

  it('lists every API route in the OpenAPI document, so the walk reaches it', () => {
    expect(operations.length).toBeGreaterThan(0);
    const documented = new Set(operations.map((o) => `${o.method} ${o.routeUrl}`));
    const undocumented = t.app.routeRecords
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !documented.has(key));
    expect(undocumented).toEqual([]);
    const undeclared = operations.filter((o) => !accessOf.has(`${o.method} ${o.routeUrl}`));
    expect(undeclared.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('walks the workplace routes, bodies and parameters included', () => {
    const workplace = operations.filter((o) => o.path.startsWith('/api/v1/workplace/'));
    expect(workplace.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'DELETE /api/v1/workplace/bookings/{id}',
      'DELETE /api/v1/workplace/calendar-feed',
      'GET /api/v1/workplace/bookings',
      'GET /api/v1/workplace/calendar/{file}',
      'GET /api/v1/workplace/contact-report',
      'GET /api/v1/workplace/desks/{desk}/check-in',
      'GET /api/v1/workplace/floors/{floor}',
      'GET /api/v1/workplace/floors/{floor}/qr-sheet.pdf',
      'GET /api/v1/workplace/occupancy',
      'GET /api/v1/workplace/sites',
      'PATCH /api/v1/workplace/desks/{desk}',
      'PATCH /api/v1/workplace/zones/{zone}',
      'POST /api/v1/workplace/bookings',
      'POST /api/v1/workplace/bookings/recurring',
      'POST /api/v1/workplace/calendar-feed',
      'POST /api/v1/workplace/desks/{desk}/check-in',
      'POST /api/v1/workplace/sites/{site}/rule-breaks/notify',
      'PUT /api/v1/workplace/sites/{site}/rules',
    ]);
    const booking = workplace.find((o) => o.method === 'POST');
    expect(Object.keys(booking?.body?.properties ?? {}).sort()).toEqual(['date', 'desk', 'person', 'slot']);
    const contacts = workplace.find((o) => o.path === '/api/v1/workplace/contact-report');
    expect(
      contacts?.parameters
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['distance', 'format', 'from', 'person', 'reason', 'to']);
  });

  it('walks the telework routes, bodies and parameters included (the presence plan in the next test)', () => {
    const telework = operations.filter(
      (o) => o.path.startsWith('/api/v1/telework/') && !o.path.startsWith('/api/v1/telework/presence'),
    );
    expect(telework.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'GET /api/v1/telework/agreements',
      'GET /api/v1/telework/agreements/{agreement}',
      'GET /api/v1/telework/agreements/{agreement}/pdf',
      'GET /api/v1/telework/allowances/payroll',
      'GET /api/v1/telework/allowances/rates',
      'GET /api/v1/telework/crisis-measures',
      'GET /api/v1/telework/eligibility',
      'GET /api/v1/telework/functions',
      'GET /api/v1/telework/live',
      'GET /api/v1/telework/policy',
      'GET /api/v1/telework/profiles/{person}',
      'GET /api/v1/telework/statistics',
      'GET /api/v1/telework/statistics/organisations',
      'POST /api/v1/telework/agreements',
      'POST /api/v1/telework/agreements/{agreement}/decision',
      'POST /api/v1/telework/agreements/{agreement}/ending',
      'POST /api/v1/telework/agreements/{agreement}/signature',
      'POST /api/v1/telework/agreements/{agreement}/withdrawal',
      'POST /api/v1/telework/allowances/rates',
      'POST /api/v1/telework/allowances/rates/{rate}/end',
      'POST /api/v1/telework/crisis-measures',
      'POST /api/v1/telework/crisis-measures/{measure}/end',
      'PUT /api/v1/telework/allowances/rates/{rate}',
      'PUT /api/v1/telework/crisis-measures/{measure}',
      'PUT /api/v1/telework/functions/{code}',
      'PUT /api/v1/telework/policy',
      'PUT /api/v1/telework/profiles/{person}',
      'PUT /api/v1/telework/statistics/organisations/{org}/target',
    ]);
    const request = telework.find((o) => o.method === 'POST' && o.path === '/api/v1/telework/agreements');
    expect(Object.keys(request?.body?.properties ?? {}).sort()).toEqual([
      'clauses',
      'daysPerWeek',
      'endDate',
      'monthlyDays',
      'motivation',
      'regime',
      'startDate',
      'weekdays',
    ]);
    const report = telework.find((o) => o.path === '/api/v1/telework/statistics');
    expect(
      report?.parameters
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['at', 'format', 'from', 'lang', 'org', 'to']);
    const target = telework.find((o) => o.method === 'PUT' && o.path.endsWith('/target'));
    expect(Object.keys(target?.body?.properties ?? {})).toEqual(['targetPct']);
  });

  it('walks the telework allowance and crisis-measure routes, bodies and parameters included', () => {
    const mine = operations.filter((o) => /^\/api\/v1\/telework\/(allowances|crisis-measures)/.test(o.path));
    expect(mine.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'GET /api/v1/telework/allowances/payroll',
      'GET /api/v1/telework/allowances/rates',
      'GET /api/v1/telework/crisis-measures',
      'POST /api/v1/telework/allowances/rates',
      'POST /api/v1/telework/allowances/rates/{rate}/end',
      'POST /api/v1/telework/crisis-measures',
      'POST /api/v1/telework/crisis-measures/{measure}/end',
      'PUT /api/v1/telework/allowances/rates/{rate}',
      'PUT /api/v1/telework/crisis-measures/{measure}',
    ]);
    const payroll = mine.find((o) => o.path === '/api/v1/telework/allowances/payroll');
    expect(payroll?.parameters.map((p) => p.name).sort()).toEqual(['format', 'lang', 'month']);
    const rate = mine.find((o) => o.method === 'POST' && o.path === '/api/v1/telework/allowances/rates');
    expect(Object.keys(rate?.body?.properties ?? {}).sort()).toEqual([
      'endDate',
      'fullDays',
      'kind',
      'label',
      'monthlyCents',
      'proration',
      'startDate',
    ]);
  });

  it("walks the presence plan's routes, the week's body and the team's parameters included", () => {
    const presence = operations.filter((o) => o.path.startsWith('/api/v1/telework/presence'));
    expect(presence.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'GET /api/v1/telework/presence/people/{person}/week',
      'GET /api/v1/telework/presence/team',
      'GET /api/v1/telework/presence/week',
      'PUT /api/v1/telework/presence/week',
    ]);
    const save = presence.find((o) => o.method === 'PUT');
    expect(Object.keys(save?.body?.properties ?? {})).toEqual(['week', 'days']);
    const team = presence.find((o) => o.path.endsWith('/team'));
    expect(
      team?.parameters
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['format', 'lang', 'unit', 'week']);
  });

  it("answers a broken %-encoding in the path with a problem in the caller's language", async () => {
    const response = await t.app.inject({
      url: '/api/v1/directory/people/%E0%A4%A',
      headers: { 'accept-language': 'nl-BE,nl;q=0.9' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'http.bad_url', title: translate('nl', 'http.bad_url') });
    expect(response.body).not.toContain('FST_');
  });

  it('says what to fix in a body that is not JSON, and refuses text/plain as not JSON', async () => {
    const headers = { authorization: `Bearer ${adminToken}`, 'accept-language': 'fr' };
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/partners',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"code":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({
      code: 'http.invalid_json',
      detail: translate('fr', 'http.hint.json_syntax'),
    });
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/partners',
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'code=x',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('http.unsupported_media_type');
    expect(text.json()).not.toHaveProperty('detail');
  });

  it('answers hostile requests without credentials with a 4xx problem, and writes nothing', async () => {
    const before = await snapshot(t.app.db, dialect);
    const heads = (operation: Operation) =>
      operation.method === 'GET'
        ? [...badRequests(operation), ...headerCases(operation)].map((r) => ({ ...r, method: 'HEAD' }))
        : [];
    const { sent, faults } = await walk(
      'no credentials',
      (operation) => [...badRequests(operation), ...headerCases(operation), ...heads(operation)],
      async () => ({}),
    );
    expect(sent).toBeGreaterThan(operations.length);
    expect(report(faults)).toEqual({ count: 0, first: [] });
    expect(await snapshot(t.app.db, dialect)).toEqual(before);
  }, 180_000);

  it('answers hostile requests from an admin token with a problem, never a 5xx', async () => {
    const headers = { authorization: `Bearer ${adminToken}` };
    const { faults } = await walk('admin token', badRequests, async () => headers);
    expect(report(faults)).toEqual({ count: 0, first: [] });
  }, 180_000);

  it('answers hostile requests from an admin session (with its CSRF token) with a problem, never a 5xx', async () => {
    const policy = { idleMinutes: 60, maxHours: 8 };
    let headers: Record<string, string> | undefined;
    // A new session after each success: the walk calls logout, which ends the session it is sent with.
    const session = async (previousStatus: number | undefined) => {
      if (!headers || previousStatus === undefined || previousStatus < 300) {
        const { secret, csrfToken } = await openSession(t.app.db, adminId, policy, { method: 'password' });
        headers = { cookie: `relais_session=${secret}`, 'x-csrf-token': csrfToken };
      }
      return headers;
    };
    const { faults } = await walk('admin session', badRequests, session);
    expect(report(faults)).toEqual({ count: 0, first: [] });
  }, 180_000);
});
