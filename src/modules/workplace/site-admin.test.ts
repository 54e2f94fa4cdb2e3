import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { DEFAULT_SITE_RULES } from './contract.js';

describe.each(DIALECTS)('%s: facility managers keep desks and rules', (dialect) => {
  let t: TestApp;
  let site: string;
  const day = nextOpenDays(2)[1]!;
  const desk = (n: number) => `m-botanique-05-B-${String(n).padStart(3, '0')}`;
  const book = (headers: Record<string, string>, deskId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/bookings',
      headers,
      payload: { desk: deskId, date: day, slot: 'day' },
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    site = await loadTestBuilding(t.app, 'm');
  });
  afterAll(() => t.close());

  it('changes the rules of a site, and bookings follow them at once', async () => {
    const facility = await makeBooker(t.app, ['facility', 'employee']);
    const employee = await makeBooker(t.app);
    const rules = { ...DEFAULT_SITE_RULES, closingDays: [], minDistanceMetres: 0 };
    const url = `/api/v1/workplace/sites/${site}/rules`;
    const refused = await t.app.inject({ method: 'PUT', url, headers: employee.headers, payload: rules });
    expect(refused.statusCode).toBe(403);
    const saved = await t.app.inject({ method: 'PUT', url, headers: facility.headers, payload: rules });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ rules, conflicts: [] });
    const sites = await t.app.inject({ url: '/api/v1/workplace/sites', headers: employee.headers });
    expect(sites.json().items.find((s: { id: string }) => s.id === site).rules).toEqual(rules);
    // Without a distance rule, neighbours 1.4 m apart may both come.
    expect((await book(employee.headers, desk(1))).statusCode).toBe(201);
    expect((await book(facility.headers, desk(2))).statusCode).toBe(201);
    // The distance rule back: both neighbours are listed, with why, in the manager's language.
    const strict = await t.app.inject({
      method: 'PUT',
      url,
      headers: facility.headers,
      payload: { ...rules, minDistanceMetres: 1.5 },
    });
    expect(strict.statusCode, strict.body).toBe(200);
    expect(
      strict
        .json()
        .conflicts.map((c: { booking: { desk: string }; reason: string }) => `${c.booking.desk} ${c.reason}`),
    ).toEqual([`${desk(1)} too_close`, `${desk(2)} too_close`]);
    expect(strict.json().conflicts[0].message).toContain(desk(2));
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/workplace/sites/nowhere/rules',
      headers: facility.headers,
      payload: rules,
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: facility.headers,
      payload: { ...rules, minDistanceMetres: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('minDistanceMetres');
  });

  it('blocks a desk with a reason (then nobody books it), and unblocking clears the reason', async () => {
    const facility = await makeBooker(t.app, ['facility', 'employee']);
    const employee = await makeBooker(t.app);
    const url = `/api/v1/workplace/desks/${desk(30)}`;
    const blocked = await t.app.inject({
      method: 'PATCH',
      url,
      headers: facility.headers,
      payload: { isBlocked: true, blockedReason: 'Plexiglas à installer', features: ['dual-screen'] },
    });
    expect(blocked.statusCode, blocked.body).toBe(200);
    expect(blocked.json()).toEqual({
      id: desk(30),
      features: ['dual-screen'],
      isBlocked: true,
      blockedReason: 'Plexiglas à installer',
    });
    expect((await book(employee.headers, desk(30))).json().reason).toBe('desk_blocked');
    const byEmployee = await t.app.inject({
      method: 'PATCH',
      url,
      headers: employee.headers,
      payload: { isBlocked: false },
    });
    expect(byEmployee.statusCode).toBe(403);
    const unblocked = await t.app.inject({
      method: 'PATCH',
      url,
      headers: facility.headers,
      payload: { isBlocked: false },
    });
    expect(unblocked.json()).toMatchObject({ isBlocked: false, blockedReason: null });
    expect((await book(employee.headers, desk(30))).statusCode).toBe(201);
  });
});
