import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n/i18n.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { addDays, siteCalendar } from './calendar.js';
import { DEFAULT_SITE_RULES } from './contract.js';
import { type Db, saveSiteRules } from './repository.js';
import { rowFromRules } from './site-rules.js';

describe.each(DIALECTS)('%s: recurring bookings', (dialect) => {
  let t: TestApp;
  let site: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    site = await loadTestBuilding(t.app, 'r');
  });
  afterAll(() => t.close());

  it('books every week on the same day, each date checked by the rules, and reports the dates refused', async () => {
    const open = siteCalendar([]);
    // A first day whose next three weeks fall on open days, whatever day the test runs.
    const first = nextOpenDays(10).find((day) =>
      [7, 14, 21].every((d) => open.closedReasonOn(addDays(day, d)) === null),
    )!;
    const closed = addDays(first, 14);
    const rules = { ...DEFAULT_SITE_RULES, horizonDays: 60, closingDays: [closed] };
    await saveSiteRules(
      t.app.db as Db,
      rowFromRules(site, rules, { at: new Date().toISOString(), by: null }),
    );
    const desk = 'r-botanique-04-A-007';
    const [me, other] = [await makeBooker(t.app, ['employee'], null, 'fr'), await makeBooker(t.app)];
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/bookings',
      headers: other.headers,
      payload: { desk, date: addDays(first, 7), slot: 'day' },
    });
    expect(taken.statusCode, taken.body).toBe(201);

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/bookings/recurring',
      headers: me.headers,
      payload: { desk, firstDate: first, weeks: 4, slot: 'am' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.booked.map((b: { date: string }) => b.date)).toEqual([first, addDays(first, 21)]);
    expect(report.refused).toEqual([
      {
        date: addDays(first, 7),
        reason: 'desk_taken',
        message: translate('fr', 'workplace.desk_taken', { desk }),
      },
      {
        date: closed,
        reason: 'closed_day',
        message: translate('fr', 'workplace.closed_day', { date: closed }),
      },
    ]);
  });

  it('refuses a first date in the past, naming the field, and books nothing', async () => {
    const me = await makeBooker(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/bookings/recurring',
      headers: me.headers,
      payload: { desk: 'r-botanique-04-A-009', firstDate: '2020-03-18', weeks: 3, slot: 'day' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(
      expect.objectContaining({ field: 'firstDate', code: 'workplace.date_in_past' }),
    );
  });
});
