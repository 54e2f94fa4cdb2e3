import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { readWorkbook } from '../../test-support/xlsx.js';
import { isoWeekName } from './calendar.js';

// Occupancy of a prefixed copy of the demo building: two bookings in wing A of floor 3 on one day,
// one of them released for not checking in.

const URL = '/api/v1/workplace/occupancy';

describe.each(DIALECTS)('%s: occupancy figures', (dialect) => {
  let t: TestApp;
  let site: string;
  let facility: Awaited<ReturnType<typeof makeBooker>>;
  let employee: Awaited<ReturnType<typeof makeBooker>>;
  const [day1] = nextOpenDays(1) as [string];
  const get = (headers: Record<string, string>, query: string) =>
    t.app.inject({ method: 'GET', url: `${URL}?${query}`, headers });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    site = await loadTestBuilding(t.app, 'oc');
    facility = await makeBooker(t.app, ['facility', 'employee']);
    employee = await makeBooker(t.app);
    const other = await makeBooker(t.app);
    for (const [who, desk, slot] of [
      [employee, 'oc-botanique-03-A-001', 'day'],
      [other, 'oc-botanique-03-A-006', 'am'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/workplace/bookings',
        headers: who.headers,
        payload: { desk, date: day1, slot },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    await t.app.db
      .updateTable('workplace_booking')
      .set({ status: 'released' })
      .where('desk_id', '=', 'oc-botanique-03-A-006')
      .execute();
  });
  afterAll(() => t.close());

  it('gives each site, floor and zone its bookings, no-shows and occupancy per day and week', async () => {
    const response = await get(facility.headers, `site=${site}&from=${day1}&to=${day1}`);
    expect(response.statusCode, response.body).toBe(200);
    const { figures } = response.json() as { figures: { level: string; id: string; period: string }[] };
    const find = (level: string, id: string, period: string) =>
      figures.find((f) => f.level === level && f.id === id && f.period === period);
    expect(find('zone', 'oc-botanique-03-A', day1)).toEqual({
      level: 'zone',
      id: 'oc-botanique-03-A',
      period: day1,
      bookings: 2,
      checkIns: 0,
      noShows: 1,
      peakPeople: 1,
      capacity: 40,
      occupancy: 0.025,
    });
    expect(find('floor', 'oc-botanique-03', day1)).toMatchObject({ bookings: 2, peakPeople: 1 });
    expect(find('site', site, isoWeekName(day1))).toMatchObject({ bookings: 2, noShows: 1 });
  });

  it('downloads the figures as CSV and XLSX', async () => {
    const csv = await get(facility.headers, `site=${site}&from=${day1}&to=${day1}&format=csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('oc-botanique-03-A');
    const xlsx = await get(facility.headers, `site=${site}&from=${day1}&to=${day1}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).worksheets[0]!;
    expect(sheet.rowCount).toBe(csv.body.trimEnd().split('\r\n').length);
  });

  it('is for facility managers, and names what is wrong in a request', async () => {
    expect((await get(employee.headers, `site=${site}&from=${day1}&to=${day1}`)).statusCode).toBe(403);
    expect((await get(facility.headers, `site=nowhere&from=${day1}&to=${day1}`)).statusCode).toBe(404);
    const reversed = await get(facility.headers, `site=${site}&from=${day1}&to=2020-01-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({
      field: 'querystring.to',
      code: 'workplace.period_reversed',
    });
  });
});
