import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { DEFAULT_SITE_RULES } from './contract.js';

describe.each(DIALECTS)('%s: facility managers give a zone its own name and capacity', (dialect) => {
  let t: TestApp;
  let site: string;
  let facility: Awaited<ReturnType<typeof makeBooker>>;
  const day = nextOpenDays(2)[1]!;
  const zone = 'z-botanique-04-C';
  const zoneUrl = `/api/v1/workplace/zones/${zone}`;
  const desk = (n: number) => `${zone}-${String(n).padStart(3, '0')}`;
  const patch = (payload: unknown, headers = facility.headers, url = zoneUrl) =>
    t.app.inject({ method: 'PATCH', url, headers, payload: payload as object });
  const zoneOnMap = async () => {
    const plan = await t.app.inject({
      url: `/api/v1/workplace/floors/z-botanique-04?date=${day}`,
      headers: facility.headers,
    });
    expect(plan.statusCode, plan.body).toBe(200);
    return plan.json().zones.find((z: { id: string }) => z.id === zone);
  };
  const book = async (deskId: string) => {
    const person = await makeBooker(t.app);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/bookings',
      headers: person.headers,
      payload: { desk: deskId, date: day, slot: 'day' },
    });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    site = await loadTestBuilding(t.app, 'z');
    facility = await makeBooker(t.app, ['facility', 'employee']);
    const rules = { ...DEFAULT_SITE_RULES, closingDays: [], minDistanceMetres: 0 };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workplace/sites/${site}/rules`,
      headers: facility.headers,
      payload: rules,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });
  afterAll(() => t.close());

  it("overrides the site's capacity, lists the bookings it now refuses, and their people can be told", async () => {
    expect(await zoneOnMap()).toMatchObject({ deskCount: 40, capacity: 40, ownCapacity: null });
    const booked = [];
    for (const n of [1, 2, 3]) {
      const answer = await book(desk(n));
      expect(answer.statusCode, answer.body).toBe(201);
      booked.push(answer.json().id as string);
    }

    const employee = await makeBooker(t.app);
    expect((await patch({ capacity: { people: 2 } }, employee.headers)).statusCode).toBe(403);

    const changed = await patch({ capacity: { people: 2 } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().zone).toEqual({
      id: zone,
      floor: 'z-botanique-04',
      site,
      name: { fr: expect.any(String), nl: expect.any(String), en: expect.any(String) },
      capacity: { people: 2 },
    });
    // Each of the three, as if it came last, finds the zone full: all listed, with why.
    const conflicts = changed.json().conflicts as {
      booking: { id: string };
      reason: string;
      message: string;
    }[];
    expect(conflicts.map((c) => c.booking.id).sort()).toEqual([...booked].sort());
    expect(conflicts.every((c) => c.reason === 'zone_full')).toBe(true);
    expect(conflicts[0]!.message).toBe(`Zone ${zone} is full for that time: 2 of 2 places booked.`);

    // The floor map and the booking rules read the zone's own capacity.
    expect(await zoneOnMap()).toMatchObject({ capacity: 2, ownCapacity: { people: 2 }, booked: 3 });
    expect((await book(desk(4))).json().reason).toBe('zone_full');

    const told = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workplace/sites/${site}/rule-breaks/notify`,
      headers: facility.headers,
      payload: { bookings: booked },
    });
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json()).toMatchObject({ people: 3, notBroken: [], withoutEmail: [] });

    // A percentage of its 40 desks: 10 % is 4 people, the three bookings fit again.
    const percent = await patch({ capacity: { percent: 10 } });
    expect(percent.json()).toMatchObject({ zone: { capacity: { percent: 10 } }, conflicts: [] });
    expect(await zoneOnMap()).toMatchObject({ capacity: 4, ownCapacity: { percent: 10 } });

    // Null gives the zone back the site's rule.
    const back = await patch({ capacity: null });
    expect(back.json()).toMatchObject({ zone: { capacity: null }, conflicts: [] });
    expect(await zoneOnMap()).toMatchObject({ capacity: 40, ownCapacity: null });

    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'workplace.zone_changed')
      .where('object_id', '=', zone)
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('renames a zone in the three languages, and keeps its capacity', async () => {
    expect((await patch({ capacity: { people: 30 } })).statusCode).toBe(200);
    const name = { fr: 'Plateau calme', nl: 'Stille ruimte', en: 'Quiet floor' };
    const renamed = await patch({ name });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().zone).toMatchObject({ name, capacity: { people: 30 } });
    expect(await zoneOnMap()).toMatchObject({ name, capacity: 30 });
  });

  it('refuses an unknown zone, a negative capacity, a percentage over 100 or a blank name, naming the field, and writes nothing', async () => {
    const before = await zoneOnMap();
    const auditCount = async () =>
      (
        await t.app.db
          .selectFrom('audit_log')
          .select(['id'])
          .where('action', '=', 'workplace.zone_changed')
          .execute()
      ).length;
    const audits = await auditCount();

    // In the manager's own language.
    const french = await makeBooker(t.app, ['facility', 'employee'], null, 'fr');
    const unknown = await patch(
      { capacity: { people: 2 } },
      french.headers,
      '/api/v1/workplace/zones/nowhere',
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({
      code: 'workplace.zone_not_found',
      title: 'Zone inconnue : nowhere.',
    });
    expect(unknown.json().errors[0].field).toBe('zone');

    const negative = await patch({ capacity: { people: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.headers['content-type']).toContain('application/problem+json');
    expect(negative.json().errors[0].field).toMatch(/^capacity/);

    const overFull = await patch({ capacity: { percent: 101 } });
    expect(overFull.statusCode).toBe(400);
    expect(overFull.json().errors[0].field).toMatch(/^capacity/);

    const blank = await patch({ name: { fr: '', nl: 'x', en: 'x' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('name.fr');

    expect(await zoneOnMap()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });
});
