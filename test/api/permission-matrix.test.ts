import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABILITIES, isAbility, type RouteAccess } from '../../src/platform/auth/permissions.js';
import { ROLES, type Role } from '../../src/platform/auth/roles.js';
import { openSession } from '../../src/platform/auth/sessions.js';
import { createToken } from '../../src/platform/auth/tokens.js';
import type { RouteRecord } from '../../src/platform/http/fastify-types.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildPartner } from '../../src/test-support/factories.js';
import { createTestApp, makePerson, type TestApp } from '../../src/test-support/test-app.js';
import { fillRouteUrl, loadOperations } from './openapi-walk.js';

// The matrix DESIGN.md promises: every route, called by nobody and by a person holding exactly one
// role, answers as src/platform/auth/permissions.ts says. Routes are read from app.routeRecords, so a
// route a module adds later is walked without touching this file.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Caller = { role: Role; personId: string; token: string };
type Expectation = 'allowed' | 401 | 403;
type Mismatch = { method: string; url: string; caller: string; expected: string; got: string };

/** What permissions.ts says a caller with these roles (none: no credentials) must get. */
function expectedFor(access: RouteAccess, role: Role | null): Expectation {
  if (access === 'public') return 'allowed';
  if (role === null) return 401;
  if (access === 'authenticated') return 'allowed';
  return (ABILITIES[access] as readonly Role[]).includes(role) ? 'allowed' : 403;
}

/** Allowed means the access check let the call through: not 401/403, and never a 5xx. */
function verdict(expected: Expectation, status: number): boolean {
  if (status >= 500) return false;
  if (expected === 'allowed') return status !== 401 && status !== 403;
  return status === expected;
}

/** A minimal request: writes carry an empty JSON object, reads nothing. */
function request(record: RouteRecord, url: string, headers: Record<string, string>): InjectOptions {
  const isWrite = !SAFE_METHODS.has(record.method);
  return {
    method: record.method as InjectOptions['method'],
    url,
    headers: isWrite ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(isWrite && { payload: '{}' }),
  };
}

/** The first role that holds the route's access: whom the session checks log in as. */
function holderOf(access: RouteAccess): Role | undefined {
  if (access === 'public') return undefined;
  if (access === 'authenticated') return 'employee';
  return ABILITIES[access][0];
}

describe.each(DIALECTS)('%s: permission matrix', (dialect) => {
  let t: TestApp;
  let records: RouteRecord[];
  let urls: Map<RouteRecord, string>;
  const callers: Caller[] = [];

  const newSession = async (caller: Caller) => {
    const policy = { idleMinutes: 60, maxHours: 8 };
    const { secret, csrfToken } = await openSession(t.app.db, caller.personId, policy, {
      method: 'password',
    });
    return { cookie: `relais_session=${secret}`, csrfToken };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // The fund the walked urls name (openapi-walk.ts) and the partner user speaks for.
    await buildPartner(t.app, { code: 'acerta' });
    records = t.app.routeRecords;
    const operations = await loadOperations(t.app);
    urls = new Map(records.map((r) => [r, fillRouteUrl(r.url, operations)]));
    for (const role of ROLES) {
      // Exactly one role each; a partner user must belong to a fund (acerta, built above).
      const person = await makePerson(t.app, {
        roles: [role],
        partner: role === 'partner' ? 'acerta' : null,
      });
      const { token } = await createToken(t.app.db, {
        personId: person.id,
        name: `matrix ${role}`,
        createdBy: null,
      });
      callers.push({ role, personId: person.id, token });
    }
  });
  afterAll(() => t.close());

  it('knows every route: routes exist and each declares public, authenticated or an ability of the table', () => {
    expect(records.length).toBeGreaterThan(0);
    const unknown = records.filter(
      (r) => r.access !== 'public' && r.access !== 'authenticated' && !isAbility(r.access),
    );
    expect(unknown).toEqual([]);
    expect(callers.map((c) => c.role)).toEqual([...ROLES]);
  });

  it('walks every route the OpenAPI document lists (no route escapes the matrix)', async () => {
    const walked = new Set(records.map((r) => `${r.method} ${r.url}`));
    const documented = (await loadOperations(t.app)).map((o) => `${o.method} ${o.routeUrl}`);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((op) => !walked.has(op))).toEqual([]);
  });

  it("walks the workplace routes: every member of staff books, a fund's users do not", () => {
    const workplace = records
      .filter((r) => r.url.startsWith('/api/v1/workplace/'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(workplace).toEqual([
      'DELETE /api/v1/workplace/bookings/:id workplace.book',
      'DELETE /api/v1/workplace/calendar-feed workplace.book',
      'GET /api/v1/workplace/bookings workplace.book',
      'GET /api/v1/workplace/calendar/:file public',
      'GET /api/v1/workplace/contact-report workplace.contact_report',
      'GET /api/v1/workplace/desks/:desk/check-in workplace.book',
      'GET /api/v1/workplace/floors/:floor workplace.book',
      'GET /api/v1/workplace/floors/:floor/qr-sheet.pdf workplace.manage',
      'GET /api/v1/workplace/occupancy workplace.manage',
      'GET /api/v1/workplace/sites workplace.book',
      'PATCH /api/v1/workplace/desks/:desk workplace.manage',
      'PATCH /api/v1/workplace/zones/:zone workplace.manage',
      'POST /api/v1/workplace/bookings workplace.book',
      'POST /api/v1/workplace/bookings/recurring workplace.book',
      'POST /api/v1/workplace/calendar-feed workplace.book',
      'POST /api/v1/workplace/desks/:desk/check-in workplace.book',
      'POST /api/v1/workplace/sites/:site/rule-breaks/notify workplace.manage',
      'PUT /api/v1/workplace/sites/:site/rules workplace.manage',
    ]);
    expect(ABILITIES['workplace.book']).not.toContain('partner');
    expect(ABILITIES['workplace.manage']).toEqual(['facility', 'admin']);
    // Who sat near whom is personal data: the health service's contacts only.
    expect(ABILITIES['workplace.contact_report']).toEqual(['facility', 'hr', 'admin']);
  });

  it('walks the equipment assets routes: ICT keeps the inventory and recovers desks, management reads the stock reports', () => {
    const assets = records
      .filter((r) => /^\/api\/v1\/equipment\/(assets|recovery|stock|home-report)/.test(r.url))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(assets).toEqual([
      'GET /api/v1/equipment/assets equipment.manage',
      'GET /api/v1/equipment/assets/:tag equipment.manage',
      'GET /api/v1/equipment/assets/labels.pdf equipment.manage',
      'GET /api/v1/equipment/home-report equipment.reports',
      'GET /api/v1/equipment/recovery equipment.manage',
      'GET /api/v1/equipment/stock equipment.reports',
      'PATCH /api/v1/equipment/assets/:tag equipment.manage',
      'POST /api/v1/equipment/assets equipment.manage',
      'POST /api/v1/equipment/assets/import equipment.manage',
      'POST /api/v1/equipment/recovery/collect equipment.manage',
    ]);
    expect(ABILITIES['equipment.manage']).toEqual(['ict', 'admin']);
    expect(ABILITIES['equipment.reports']).toEqual(['ict', 'manager', 'admin']);
  });

  it('walks the telework routes: statistics for HR and management, agreements for staff, decisions for managers, rules for HR', () => {
    const telework = records
      // Allowances, crisis measures and the presence plan are walked by the next tests.
      .filter(
        (r) =>
          r.url.startsWith('/api/v1/telework/') && !/\/(allowances|crisis-measures|presence)/.test(r.url),
      )
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(telework).toEqual([
      'GET /api/v1/telework/agreements telework.use',
      'GET /api/v1/telework/agreements/:agreement telework.use',
      'GET /api/v1/telework/agreements/:agreement/pdf telework.use',
      'GET /api/v1/telework/eligibility telework.use',
      'GET /api/v1/telework/functions telework.team',
      'GET /api/v1/telework/live telework.statistics',
      'GET /api/v1/telework/policy telework.use',
      'GET /api/v1/telework/profiles/:person telework.manage',
      'GET /api/v1/telework/statistics telework.statistics',
      'GET /api/v1/telework/statistics/organisations telework.statistics',
      'POST /api/v1/telework/agreements telework.use',
      'POST /api/v1/telework/agreements/:agreement/decision telework.team',
      'POST /api/v1/telework/agreements/:agreement/ending telework.use',
      'POST /api/v1/telework/agreements/:agreement/signature telework.use',
      'POST /api/v1/telework/agreements/:agreement/withdrawal telework.use',
      'PUT /api/v1/telework/functions/:code telework.manage',
      'PUT /api/v1/telework/policy telework.manage',
      'PUT /api/v1/telework/profiles/:person telework.manage',
      'PUT /api/v1/telework/statistics/organisations/:org/target telework.statistics',
    ]);
    expect(ABILITIES['telework.statistics']).toEqual(['hr', 'manager', 'admin']);
    expect(ABILITIES['telework.team']).toEqual(['manager', 'hr', 'admin']);
    expect(ABILITIES['telework.manage']).toEqual(['hr', 'admin']);
    expect(ABILITIES['telework.use']).not.toContain('partner');
  });

  it('walks the equipment requests routes: staff ask, managers approve, ICT keeps profiles and reserves, reports for ICT and managers', () => {
    const mine = records
      .filter((r) =>
        /^\/api\/v1\/equipment\/(requests|contributions|profiles|policies|my-profile|my-equipment|kits|reports\/pending-requests)/.test(
          r.url,
        ),
      )
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(mine).toEqual([
      'DELETE /api/v1/equipment/profiles/:profile equipment.manage',
      'GET /api/v1/equipment/my-equipment equipment.use',
      'GET /api/v1/equipment/my-profile equipment.use',
      'GET /api/v1/equipment/policies equipment.manage',
      'GET /api/v1/equipment/profiles equipment.manage',
      'GET /api/v1/equipment/reports/pending-requests equipment.reports',
      'GET /api/v1/equipment/requests equipment.use',
      'GET /api/v1/equipment/requests/:request equipment.use',
      'GET /api/v1/equipment/requests/:request/receipt equipment.use',
      'POST /api/v1/equipment/contributions equipment.use',
      'POST /api/v1/equipment/kits/prepare equipment.manage',
      'POST /api/v1/equipment/profiles equipment.manage',
      'POST /api/v1/equipment/requests equipment.use',
      'POST /api/v1/equipment/requests/:request/approve equipment.approve',
      'POST /api/v1/equipment/requests/:request/cancel equipment.use',
      'POST /api/v1/equipment/requests/:request/pay equipment.manage',
      'POST /api/v1/equipment/requests/:request/refuse equipment.approve',
      'POST /api/v1/equipment/requests/:request/release equipment.manage',
      'POST /api/v1/equipment/requests/:request/reserve equipment.manage',
      'PUT /api/v1/equipment/policies/:type equipment.manage',
      'PUT /api/v1/equipment/profiles/:profile equipment.manage',
    ]);
    expect(ABILITIES['equipment.approve']).toEqual(['manager', 'admin']);
    expect(ABILITIES['equipment.manage']).toEqual(['ict', 'admin']);
    expect(ABILITIES['equipment.use']).not.toContain('partner');
  });

  it('walks the allowance and crisis-measure routes: HR and admin write, everyone on staff reads the measures', () => {
    const mine = records
      .filter((r) => /^\/api\/v1\/telework\/(allowances|crisis-measures)/.test(r.url))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(mine).toEqual([
      'GET /api/v1/telework/allowances/payroll telework.manage',
      'GET /api/v1/telework/allowances/rates telework.manage',
      'GET /api/v1/telework/crisis-measures telework.use',
      'POST /api/v1/telework/allowances/rates telework.manage',
      'POST /api/v1/telework/allowances/rates/:rate/end telework.manage',
      'POST /api/v1/telework/crisis-measures telework.manage',
      'POST /api/v1/telework/crisis-measures/:measure/end telework.manage',
      'PUT /api/v1/telework/allowances/rates/:rate telework.manage',
      'PUT /api/v1/telework/crisis-measures/:measure telework.manage',
    ]);
    expect(ABILITIES['telework.manage']).toEqual(['hr', 'admin']);
  });

  it("walks the presence plan's routes: one's own week for all staff, the team's for managers, HR and admins", () => {
    const presence = records
      .filter((r) => r.url.startsWith('/api/v1/telework/presence'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(presence).toEqual([
      'GET /api/v1/telework/presence/people/:person/week telework.team',
      'GET /api/v1/telework/presence/team telework.team',
      'GET /api/v1/telework/presence/week telework.use',
      'PUT /api/v1/telework/presence/week telework.use',
    ]);
    expect(ABILITIES['telework.team']).toEqual(['manager', 'hr', 'admin']);
  });

  it('walks the equipment delivery routes: ICT ships and takes back, the person confirms receipt, ICT and management read the report', () => {
    const deliveries = records
      .filter((r) => /^\/api\/v1\/equipment\/(deliveries|acceptances|returns)/.test(r.url))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(deliveries).toEqual([
      'GET /api/v1/equipment/acceptances equipment.use',
      'GET /api/v1/equipment/deliveries equipment.use',
      'GET /api/v1/equipment/deliveries/:delivery equipment.use',
      'GET /api/v1/equipment/deliveries/ready equipment.manage',
      'GET /api/v1/equipment/deliveries/report equipment.reports',
      'GET /api/v1/equipment/returns equipment.use',
      'GET /api/v1/equipment/returns/:return/receipt equipment.use',
      'POST /api/v1/equipment/deliveries equipment.manage',
      'POST /api/v1/equipment/deliveries/:delivery/accept equipment.use',
      'POST /api/v1/equipment/deliveries/:delivery/deliver equipment.manage',
      'POST /api/v1/equipment/deliveries/:delivery/return equipment.manage',
      'POST /api/v1/equipment/deliveries/:delivery/ship equipment.manage',
      'POST /api/v1/equipment/returns equipment.manage',
    ]);
    expect(ABILITIES['equipment.manage']).toEqual(['ict', 'admin']);
    expect(ABILITIES['equipment.reports']).toEqual(['ict', 'manager', 'admin']);
    expect(ABILITIES['equipment.use']).not.toContain('partner');
  });

  it("walks the ICT helpdesk's routes: every member of staff asks and follows their tickets, ICT works them, ICT and management see the load", () => {
    const helpdesk = records
      .filter((r) => r.url.startsWith('/api/v1/helpdesk/'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(helpdesk).toEqual([
      'GET /api/v1/helpdesk/assets/:tag/tickets helpdesk.work',
      'GET /api/v1/helpdesk/figures equipment.reports',
      'GET /api/v1/helpdesk/tickets helpdesk.use',
      'GET /api/v1/helpdesk/tickets/:ref helpdesk.use',
      'POST /api/v1/helpdesk/tickets helpdesk.use',
      'POST /api/v1/helpdesk/tickets/:ref/answer helpdesk.work',
      'POST /api/v1/helpdesk/tickets/:ref/claim helpdesk.work',
      'POST /api/v1/helpdesk/tickets/:ref/close helpdesk.use',
      'POST /api/v1/helpdesk/tickets/:ref/messages helpdesk.use',
    ]);
    expect(ABILITIES['helpdesk.work']).toEqual(['ict', 'admin']);
    expect(ABILITIES['helpdesk.use']).not.toContain('partner');
    // ICT works the helpdesk, not the public's inquiries: no inquiries ability of theirs.
    const inquiryAbilities = Object.entries(ABILITIES).filter(([ability]) =>
      ability.startsWith('inquiries.'),
    );
    expect(inquiryAbilities.filter(([, roles]) => (roles as readonly string[]).includes('ict'))).toEqual([]);
  });

  it('answers each route without credentials and for each single role as permissions.ts says', async () => {
    const mismatches: Mismatch[] = [];
    for (const record of records) {
      const url = urls.get(record)!;
      const anonymous = await t.app.inject(request(record, url, {}));
      const expectedAnonymous = expectedFor(record.access, null);
      if (!verdict(expectedAnonymous, anonymous.statusCode)) {
        mismatches.push({
          method: record.method,
          url: record.url,
          caller: 'no credentials',
          expected: String(expectedAnonymous),
          got: `${anonymous.statusCode} ${anonymous.body.slice(0, 200)}`,
        });
      }
      for (const caller of callers) {
        const response = await t.app.inject(
          request(record, url, { authorization: `Bearer ${caller.token}` }),
        );
        const expected = expectedFor(record.access, caller.role);
        if (!verdict(expected, response.statusCode)) {
          mismatches.push({
            method: record.method,
            url: record.url,
            caller: `token of ${caller.role}`,
            expected: String(expected),
            got: `${response.statusCode} ${response.body.slice(0, 200)}`,
          });
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a cookie-authenticated write without the CSRF token, and lets it through with it', async () => {
    const mismatches: Mismatch[] = [];
    const writes = records.filter((r) => !SAFE_METHODS.has(r.method) && r.access !== 'public');
    for (const record of writes) {
      const role = holderOf(record.access)!;
      const caller = callers.find((c) => c.role === role)!;
      const url = urls.get(record)!;
      // A fresh session per route: logout routes end the session they are called with.
      const session = await newSession(caller);
      const withoutToken = await t.app.inject(request(record, url, { cookie: session.cookie }));
      const code = withoutToken.json<{ code?: string }>().code;
      if (withoutToken.statusCode !== 403 || code !== 'http.csrf_failed') {
        mismatches.push({
          method: record.method,
          url: record.url,
          caller: `session of ${role} without x-csrf-token`,
          expected: '403 http.csrf_failed',
          got: `${withoutToken.statusCode} ${code}`,
        });
      }
      const wrongToken = await t.app.inject(
        request(record, url, { cookie: session.cookie, 'x-csrf-token': 'not-the-token' }),
      );
      if (wrongToken.statusCode !== 403) {
        mismatches.push({
          method: record.method,
          url: record.url,
          caller: `session of ${role} with a wrong x-csrf-token`,
          expected: '403',
          got: String(wrongToken.statusCode),
        });
      }
      const withToken = await t.app.inject(
        request(record, url, { cookie: session.cookie, 'x-csrf-token': session.csrfToken }),
      );
      if (!verdict('allowed', withToken.statusCode)) {
        mismatches.push({
          method: record.method,
          url: record.url,
          caller: `session of ${role} with x-csrf-token`,
          expected: 'allowed',
          got: `${withToken.statusCode} ${withToken.body.slice(0, 200)}`,
        });
      }
    }
    expect(writes.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  it('lets a session read without a CSRF token, and still refuses a role that lacks the ability', async () => {
    const mismatches: Mismatch[] = [];
    const reads = records.filter((r) => SAFE_METHODS.has(r.method) && r.access !== 'public');
    const sessions = new Map<Role, { cookie: string }>();
    for (const caller of callers) sessions.set(caller.role, await newSession(caller));
    for (const record of reads) {
      for (const caller of callers) {
        const response = await t.app.inject(
          request(record, urls.get(record)!, { cookie: sessions.get(caller.role)!.cookie }),
        );
        const expected = expectedFor(record.access, caller.role);
        if (!verdict(expected, response.statusCode)) {
          mismatches.push({
            method: record.method,
            url: record.url,
            caller: `session of ${caller.role}`,
            expected: String(expected),
            got: `${response.statusCode} ${response.body.slice(0, 200)}`,
          });
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
