import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../platform/db/time.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../test-support/test-app.js';

describe.each(DIALECTS)('%s: workplace demo seed', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
  });
  afterAll(() => t.close());

  it('loads the Botanique building with its rules and two blocked desks', async () => {
    const desks = await t.app.db.selectFrom('workplace_desk').select(['id', 'is_blocked']).execute();
    expect(desks).toHaveLength(360);
    expect(desks.filter((d) => d.is_blocked === 1)).toHaveLength(2);
    const rules = await t.app.db.selectFrom('workplace_site_rules').selectAll().executeTakeFirstOrThrow();
    expect(rules).toMatchObject({
      site_id: 'botanique',
      zone_capacity_kind: 'percent',
      weekly_office_days_max: 3,
    });
  });

  it('books a living floor: people checked in or released on past days, booked on the days ahead', async () => {
    const today = brusselsDay();
    const bookings = await t.app.db.selectFrom('workplace_booking').select(['booked_on', 'status']).execute();
    expect(bookings.length).toBeGreaterThan(100);
    const past = new Set(bookings.filter((b) => b.booked_on < today).map((b) => b.status));
    expect([...past].sort()).toEqual(['checked_in', 'released']);
    const ahead = new Set(bookings.filter((b) => b.booked_on > today).map((b) => b.status));
    expect([...ahead]).toEqual(['booked']);
  });

  it('shows taken and free desks on the floor map of the next day booked', async () => {
    const day = (
      await t.app.db
        .selectFrom('workplace_booking')
        .select('booked_on')
        .where('booked_on', '>=', brusselsDay())
        .orderBy('booked_on')
        .executeTakeFirstOrThrow()
    ).booked_on;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: {
        username: 'employee',
        password: DEMO_PASSWORD,
      },
    });
    const cookie = login.cookies.find((c) => c.name.endsWith('relais_session'))!;
    const map = await t.app.inject({
      url: `/api/v1/workplace/floors/botanique-03?date=${day}&slot=am`,
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(map.statusCode, map.body).toBe(200);
    const states = new Set(map.json().desks.map((d: { state: string }) => d.state));
    expect(states).toContain('taken');
    expect(states).toContain('free');
  });
});
