import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  apiSender,
  createTestApp,
  DEMO_PASSWORD,
  login,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';

// The live figures on the demo institution: any day, per unit, from agreements, measures and plans.

describe.each(DIALECTS)('%s: telework live figures', (dialect) => {
  let t: TestApp;
  let send: ReturnType<typeof apiSender>;
  let hilde: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    send = apiSender(t.app);
    hilde = await login(t.app, 'hr', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('shows everyone who can at home under the mandatory measure of autumn 2020, logistics excepted', async () => {
    const figures = (await send(hilde, 'GET', '/api/v1/telework/live?date=2020-11-03')).json();
    expect(figures.measures).toEqual(['Verplicht telewerk']);
    const { totals } = figures;
    expect(totals.full + totals.partial + totals.none).toBe(totals.headcount);
    const facility = figures.units.find((u: { code: string }) => u.code === 'facility');
    expect(facility.full).toBe(0);
    expect(facility.none).toBe(facility.headcount);
    const callCenter = figures.units.find((u: { code: string }) => u.code === 'call-center');
    expect(callCenter.full).toBe(callCenter.headcount);
    expect(callCenter.home).toBe(callCenter.headcount);
    expect(totals.full_pct).toBeGreaterThan(90);
  });

  it('counts the agreements in force on an ordinary day, and who is home by their weekdays', async () => {
    const figures = (await send(hilde, 'GET', '/api/v1/telework/live?date=2026-12-08')).json();
    expect(figures.measures).toEqual([]);
    expect(figures.totals.full).toBe(0);
    expect(figures.totals.partial).toBeGreaterThan(50);
    expect(figures.totals.home).toBeGreaterThan(10);
    expect(figures.totals.office).toBeGreaterThan(10);
    const weekend = (await send(hilde, 'GET', '/api/v1/telework/live?date=2026-12-12')).json();
    expect(weekend.totals.home + weekend.totals.office).toBe(0);
  });

  it('follows the week plans: a saved day at home counts at home, whatever the agreement says', async () => {
    const facility = async () =>
      (await send(hilde, 'GET', '/api/v1/telework/live?date=2027-03-09'))
        .json()
        .units.find((u: { code: string }) => u.code === 'facility');
    const before = await facility();
    const [fabrice] = await t.app.db
      .selectFrom('directory_person' as never)
      .select('id' as never)
      .where('username' as never, '=', 'facility' as never)
      .execute();
    const row = (part: string) => ({
      person_id: (fabrice as { id: string }).id,
      day: '2027-03-09',
      part,
      place: 'telework',
      desk_booking_id: null,
      updated_at: new Date().toISOString(),
      updated_by: null,
    });
    await t.app.db
      .insertInto('telework_presence' as never)
      .values([row('am'), row('pm')] as never)
      .execute();
    const after = await facility();
    expect(after.home).toBe(before.home + 1);
    expect(after.office).toBe(before.office - 1);
  });

  it('downloads the figures per unit with the total last, and keeps them from staff', async () => {
    const csv = await send(hilde, 'GET', '/api/v1/telework/live?date=2020-11-03&format=csv&lang=fr');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Télétravail complet');
    expect(lines.at(-1)).toMatch(/^"?Total/);
    const emma = await login(t.app, 'employee', DEMO_PASSWORD);
    expect((await send(emma, 'GET', '/api/v1/telework/live')).statusCode).toBe(403);
  });
});
