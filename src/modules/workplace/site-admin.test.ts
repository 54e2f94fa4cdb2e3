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

  it('tells the people of the bookings a rule change broke, one mail each in their language', async () => {
    const facility = await makeBooker(t.app, ['facility', 'employee']);
    const employee = await makeBooker(t.app);
    const [fr, nl, en] = [
      await makeBooker(t.app, ['employee'], null, 'fr'),
      await makeBooker(t.app, ['employee'], null, 'nl'),
      await makeBooker(t.app, ['employee'], null, 'en'),
    ];
    const [first, second] = nextOpenDays(2) as [string, string];
    const rules = { ...DEFAULT_SITE_RULES, closingDays: [], minDistanceMetres: 0 };
    const url = `/api/v1/workplace/sites/${site}/rules`;
    const put = (payload: object) => t.app.inject({ method: 'PUT', url, headers: facility.headers, payload });
    expect((await put(rules)).statusCode).toBe(200);
    const bookAt = async (who: { headers: Record<string, string> }, deskId: string, date: string) => {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/workplace/bookings',
        headers: who.headers,
        payload: { desk: deskId, date, slot: 'day' },
      });
      expect(answer.statusCode, answer.body).toBe(201);
      return answer.json().id as string;
    };
    const frSecond = await bookAt(fr, desk(32), second);
    const frFirst = await bookAt(fr, desk(32), first);
    const nlSecond = await bookAt(nl, desk(33), second);
    const enFirst = await bookAt(en, desk(33), first);
    const strict = await put({ ...rules, minDistanceMetres: 1.5 });
    const conflicts = strict.json().conflicts.map((c: { booking: { id: string } }) => c.booking.id);
    expect(conflicts).toEqual(expect.arrayContaining([frSecond, frFirst, nlSecond, enFirst]));

    const notifyUrl = `/api/v1/workplace/sites/${site}/rule-breaks/notify`;
    const notify = (headers: Record<string, string>, bookings: unknown, at = notifyUrl) =>
      t.app.inject({ method: 'POST', url: at, headers, payload: { bookings } });
    const stranger = '00000000-0000-4000-8000-000000000000';
    expect((await notify(employee.headers, [frFirst])).statusCode).toBe(403);
    const bad = await notify(facility.headers, []);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('bookings');
    const elsewhere = `/api/v1/workplace/sites/nowhere/rule-breaks/notify`;
    expect((await notify(facility.headers, [frFirst], elsewhere)).statusCode).toBe(404);

    // The English neighbour is not chosen: not told. An id not broken is reported, not mailed.
    const told = await notify(facility.headers, [frSecond, frFirst, nlSecond, stranger]);
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json()).toEqual({
      people: 2,
      notified: expect.arrayContaining([frSecond, frFirst, nlSecond]),
      notBroken: [stranger],
      withoutEmail: [],
    });
    expect(told.json().notified).toHaveLength(3);
    const mails = await t.app.db
      .selectFrom('platform_mail_outbox')
      .select(['to_address', 'subject', 'text_body'])
      .where('source', '=', 'workplace')
      .where('object_ref', '=', site)
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [`${fr.username}@example.org`, `${nl.username}@example.org`].sort(),
    );
    const toFr = mails.find((m) => m.to_address === `${fr.username}@example.org`)!;
    expect(toFr.subject).toContain('Vos réservations de bureau');
    // Both bookings in one mail, earliest first, each with its desk and why.
    expect(toFr.text_body).toContain(
      `- ${first}, journée entière, bureau ${desk(32)} : Le bureau ${desk(33)}`,
    );
    expect(toFr.text_body.indexOf(first)).toBeLessThan(toFr.text_body.indexOf(second));
    const toNl = mails.find((m) => m.to_address === `${nl.username}@example.org`)!;
    expect(toNl.subject).toContain('Je bureaureservaties');
    expect(toNl.text_body).toContain(`- ${second}, hele dag, bureau ${desk(33)}: `);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'workplace.rule_breaks_notified')
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([facility.id]);
  });
});
