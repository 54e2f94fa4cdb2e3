import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { readWorkbook } from '../../test-support/xlsx.js';
import { DEFAULT_SITE_RULES } from './contract.js';
import { type Db, saveSiteRules } from './repository.js';
import { rowFromRules } from './site-rules.js';

// The contact report on a prefixed copy of the demo building, floor 3: desks A-001 (2, 2) and
// A-002 (3.4, 2) side by side, A-040 (7.6, 17.4) at the far end of wing A, B-001 (16, 2) in wing B.

const URL = '/api/v1/workplace/contact-report';

describe.each(DIALECTS)('%s: contact report', (dialect) => {
  let t: TestApp;
  const desk = (id: string, level = '03') => `cr-botanique-${level}-${id}`;
  const [day1, day2] = nextOpenDays(2) as [string, string];
  let person: Awaited<ReturnType<typeof makeBooker>>;
  let neighbour: Awaited<ReturnType<typeof makeBooker>>;
  let sameWing: Awaited<ReturnType<typeof makeBooker>>;
  let otherWing: Awaited<ReturnType<typeof makeBooker>>;
  let facility: Awaited<ReturnType<typeof makeBooker>>;
  const report = (headers: Record<string, string>, query: string) =>
    t.app.inject({ method: 'GET', url: `${URL}?${query}`, headers });
  const query = (extra = '') =>
    `person=${person.username}&from=${day1}&to=${day2}&reason=${encodeURIComponent('Positive test on day 2')}${extra}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const site = await loadTestBuilding(t.app, 'cr');
    // No distance rule, so that neighbours can sit side by side as they did before 2020.
    await saveSiteRules(
      t.app.db as Db,
      rowFromRules(
        site,
        { ...DEFAULT_SITE_RULES, minDistanceMetres: 0, closingDays: [] },
        { at: new Date().toISOString(), by: null },
      ),
    );
    person = await makeBooker(t.app);
    neighbour = await makeBooker(t.app);
    sameWing = await makeBooker(t.app);
    otherWing = await makeBooker(t.app);
    facility = await makeBooker(t.app, ['facility', 'employee']);
    const bookings: [typeof person, string, string, string][] = [
      [person, 'A-001', day1, 'day'],
      [neighbour, 'A-002', day1, 'am'],
      [sameWing, 'A-040', day1, 'pm'],
      [otherWing, 'B-001', day1, 'day'],
      // Upstairs, the same day: another floor is no contact.
      [neighbour, 'A-002', day2, 'day'],
    ];
    for (const [who, at, date, slot] of bookings) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/workplace/bookings',
        headers: who.headers,
        payload: { desk: desk(at, who === neighbour && date === day2 ? '04' : '03'), date, slot },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lists the people within the distance or in the same zone, and audits the reason', async () => {
    const response = await report(facility.headers, query('&distance=2'));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ person: { id: person.id }, from: day1, to: day2, distanceMetres: 2 });
    expect(body.contacts).toEqual([
      {
        person: { id: neighbour.id, name: expect.stringContaining('Booker') },
        date: day1,
        slot: 'am',
        desk: desk('A-002'),
        floor: 'cr-botanique-03',
        zone: 'cr-botanique-03-A',
        nearDesk: desk('A-001'),
        distanceMetres: 1.4,
        isSameZone: true,
      },
      expect.objectContaining({ person: expect.objectContaining({ id: sameWing.id }), isSameZone: true }),
    ]);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_id', 'summary'])
      .where('action', '=', 'workplace.contact_report_read')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: facility.id, object_id: person.id });
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ reason: 'Positive test on day 2', format: 'json' });
  });

  it('finds no contact a wing away (14 m) within the largest distance allowed, 10 m', async () => {
    const response = await report(facility.headers, query('&distance=10'));
    expect(response.statusCode, response.body).toBe(200);
    const ids = response.json().contacts.map((c: { person: { id: string } }) => c.person.id);
    expect(ids).toEqual([neighbour.id, sameWing.id]);
    expect((await report(facility.headers, query('&distance=11'))).statusCode).toBe(400);
  });

  it('downloads the report as CSV and XLSX, each use audited', async () => {
    const csv = await report(facility.headers, query('&format=csv'));
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(desk('A-002'));
    const xlsx = await report(facility.headers, query('&format=xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(8).value).toBe(1.4);
    const formats = await t.app.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'workplace.contact_report_read')
      .execute();
    expect(formats.map((row) => JSON.parse(row.summary).format).sort()).toEqual(
      expect.arrayContaining(['csv', 'xlsx']),
    );
  });

  it('is for facility, HR and admin only', async () => {
    const hr = await makeBooker(t.app, ['hr', 'employee']);
    expect((await report(hr.headers, query())).statusCode).toBe(200);
    expect((await report(neighbour.headers, query())).statusCode).toBe(403);
  });

  it('refuses a report without a reason, a reversed period or an unknown person, naming the field', async () => {
    const noReason = await report(facility.headers, `person=${person.username}&from=${day1}&to=${day2}`);
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('reason');
    const reversed = await report(
      facility.headers,
      `person=${person.username}&from=${day2}&to=${day1}&reason=contact%20tracing`,
    );
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({
      field: 'querystring.to',
      code: 'workplace.period_reversed',
    });
    const unknown = await report(
      facility.headers,
      `person=nobody.here&from=${day1}&to=${day2}&reason=contact%20tracing`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'querystring.person' });
  });
});
