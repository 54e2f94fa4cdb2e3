import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, login, type TestApp } from '../../test-support/test-app.js';
import { DEMO_MANAGER_REPORTS, DEMO_PASSWORD, demoPeople } from '../directory/index.js';

describe.each(DIALECTS)('%s: the presence plans of the demo', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
  });
  afterAll(() => t.close());

  it("shows the demo manager their team's week, planned, with office days and desks booked", async () => {
    const session = await login(t.app, 'manager', DEMO_PASSWORD);
    const res = await t.app.inject({
      url: '/api/v1/telework/presence/team',
      headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(200);
    const team = res.json();
    // Every member of staff reports to the demo manager; the demo plans the weeks of eight of them
    // and of the HR, facility and ICT accounts (presence-demo-seed.ts' PLANNERS).
    const staff = demoPeople().filter((p) => !p.partner && !['manager', 'admin'].includes(p.username));
    expect(team.members).toHaveLength(staff.length);
    const planned = team.members.filter((m: { days: { isSaved: boolean }[] }) =>
      m.days.every((d) => d.isSaved),
    );
    expect(planned).toHaveLength(DEMO_MANAGER_REPORTS.length + 3);
    const days = planned.flatMap((m: { days: object[] }) => m.days);
    expect(days.every((d: { isSaved: boolean }) => d.isSaved)).toBe(true);
    expect(days.some((d: { am: string }) => d.am === 'telework')).toBe(true);
    expect(days.some((d: { hasDesk: boolean }) => d.hasDesk)).toBe(true);
    const linked = await t.app.db
      .selectFrom('telework_presence')
      .select('desk_booking_id')
      .where('desk_booking_id', 'is not', null)
      .execute();
    expect(linked.length).toBeGreaterThan(0);
  });
});
