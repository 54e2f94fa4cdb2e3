import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPerson } from '../../test-support/factories.js';
import { withApp } from '../../test-support/with-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';
import { insertTestAgreement, insertTestProfile } from './allowance-test-rows.js';

const RATES = '/api/v1/telework/allowances/rates';
const PAYROLL = '/api/v1/telework/allowances/payroll';

const connection = {
  kind: 'connection',
  label: { fr: 'Indemnité de connexion', nl: 'Verbindingsvergoeding' },
  monthlyCents: 2000,
  startDate: '2014-01-01',
  proration: 'none',
};

describe.each(DIALECTS)('%s: telework allowances', (dialect) => {
  const t = withApp(dialect, { as: ['hr', 'employee', 'manager'] });
  const db = () => t.app.db as Kysely<any>;
  const rateCount = async () =>
    Number(
      (
        await db()
          .selectFrom('telework_allowance_rate')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets HR add, change and end rates, and nobody else', async () => {
    const refused = await t.send(t.people.employee, 'POST', RATES, connection);
    expect(refused.statusCode).toBe(403);
    expect((await t.send(t.people.manager, 'GET', RATES)).statusCode).toBe(403);
    const created = await t.send(t.people.hr, 'POST', RATES, connection);
    expect(created.statusCode, created.body).toBe(201);
    const rate = created.json();
    expect(rate).toMatchObject({ ...connection, endDate: null, fullDays: null });
    const changed = await t.send(t.people.hr, 'PUT', `${RATES}/${rate.id}`, {
      ...connection,
      monthlyCents: 2500,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().monthlyCents).toBe(2500);
    const ended = await t.send(t.people.hr, 'POST', `${RATES}/${rate.id}/end`, { endDate: '2020-12-31' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().endDate).toBe('2020-12-31');
    const list = await t.send(t.people.hr, 'GET', RATES);
    expect(list.json().items).toEqual([expect.objectContaining({ id: rate.id, monthlyCents: 2500 })]);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action'])
      .where('object_id', '=', rate.id)
      .execute();
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'telework.allowance_rate_created',
      'telework.allowance_rate_ended',
      'telework.allowance_rate_updated',
    ]);
  });

  it.each([
    ['an end before the start', { endDate: '2013-12-31' }, 'endDate', 'telework.allowance.end_before_start'],
    ['a negative amount', { monthlyCents: -100 }, 'monthlyCents', 'validation.minimum'],
    ['an amount with a fraction of a cent', { monthlyCents: 20.5 }, 'monthlyCents', 'validation.type'],
    ['an unknown kind', { kind: 'bicycle' }, 'kind', 'validation.enum'],
    [
      'proration by days without its full days',
      { proration: 'days' },
      'fullDays',
      'telework.allowance.full_days_required',
    ],
    [
      'full days without proration by days',
      { fullDays: 10 },
      'fullDays',
      'telework.allowance.full_days_unused',
    ],
    [
      'a rate of the same kind overlapping another',
      { startDate: '2020-06-01' },
      'startDate',
      'telework.allowance.overlapping_rate',
    ],
  ])('refuses %s with a field error, writing nothing', async (_name, change, field, code) => {
    const before = await rateCount();
    const response = await t.send(t.people.hr, 'POST', RATES, { ...connection, ...change });
    expect(response.statusCode, response.body).toBe(400);
    const errors = response.json().errors as { field: string; code: string; message: string }[];
    expect(errors.map((e) => e.field)).toContain(field);
    const error = errors.find((e) => e.field === field)!;
    if (code.startsWith('telework.')) expect(error.code).toBe(code);
    expect(error.message).not.toBe(error.code);
    expect(await rateCount()).toBe(before);
  });

  it('refuses to change a rate into an overlap, or to end it before it starts, and names the field', async () => {
    const office = await t.send(t.people.hr, 'POST', RATES, {
      ...connection,
      kind: 'office_costs',
      label: { fr: 'Frais de bureau', nl: 'Bureaukosten' },
      startDate: '2030-01-01',
    });
    expect(office.statusCode, office.body).toBe(201);
    const early = await t.send(t.people.hr, 'POST', `${RATES}/${office.json().id}/end`, {
      endDate: '2029-12-31',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({
      field: 'endDate',
      code: 'telework.allowance.end_before_start',
    });
    const missing = await t.send(t.people.hr, 'PUT', `${RATES}/nope`, connection);
    expect(missing.statusCode).toBe(404);
    // Removing the end of the first connection rate would overlap nothing of its own kind: allowed
    // only while no later connection rate exists; add one, then try.
    const later = await t.send(t.people.hr, 'POST', RATES, {
      ...connection,
      monthlyCents: 3000,
      startDate: '2021-01-01',
    });
    expect(later.statusCode, later.body).toBe(201);
    const widened = await t.send(t.people.hr, 'PUT', `${RATES}/${later.json().id}`, {
      ...connection,
      startDate: '2019-01-01',
    });
    expect(widened.statusCode).toBe(400);
    expect(widened.json().errors[0]).toMatchObject({
      field: 'startDate',
      code: 'telework.allowance.overlapping_rate',
    });
  });

  it('lists for a month who is entitled to what, sorted by name, with the total, and audits the read', async () => {
    // Rates now: connection 25.00 € to 2020-12-31 (first test), 30.00 € from 2021 (test above);
    // office costs from 2030. Add a days-prorated office-costs rate for 2021.
    const days = await t.send(t.people.hr, 'POST', RATES, {
      kind: 'office_costs',
      label: { fr: 'Frais de bureau 2021', nl: 'Bureaukosten 2021' },
      monthlyCents: 5000,
      startDate: '2021-01-01',
      endDate: '2021-12-31',
      proration: 'days',
      fullDays: 12,
    });
    expect(days.statusCode, days.body).toBe(201);
    const zoe = await buildPerson(t.app.db, { name: 'Zoé Zeebrugge', canLogIn: false });
    const anna = await buildPerson(t.app.db, { name: 'Anna Aalst', canLogIn: false });
    const bart = await buildPerson(t.app.db, { name: 'Bart Brugge', canLogIn: false });
    const none = await buildPerson(t.app.db, { name: 'Nora Requested', canLogIn: false });
    // Zoé: 3 days a week at 80%, all month. Anna: occasional 6 days a month from 16 March.
    // Bart: ended in February. Nora: only a request.
    await insertTestAgreement(t.app.db, zoe.id, { days_per_week: 3 });
    await insertTestProfile(t.app.db, zoe.id, 80);
    await insertTestAgreement(t.app.db, anna.id, {
      regime: 'occasional',
      days_per_week: null,
      weekdays: '[]',
      monthly_days: 6,
      start_date: '2021-03-16',
    });
    await insertTestAgreement(t.app.db, bart.id, { end_date: '2021-02-28' });
    await insertTestAgreement(t.app.db, none.id, { status: 'requested' });

    const response = await t.send(t.people.hr, 'GET', `${PAYROLL}?month=2021-03`);
    expect(response.statusCode, response.body).toBe(200);
    const payroll = response.json();
    expect(payroll.lines.map((l: { name: string }) => l.name)).toEqual(['Anna Aalst', 'Zoé Zeebrugge']);
    const [a, z] = payroll.lines;
    // Anna: 16/31 of 30 € = 15.48 €; 6/12 of 50 € × 16/31 = 12.90 €.
    expect(a).toMatchObject({ regime: 'occasional', monthlyDays: 6, coveredDays: 16, occupationPct: 100 });
    expect(a.amounts.map((x: { amountCents: number }) => x.amountCents)).toEqual([1548, 1290]);
    expect(a.amountCents).toBe(2838);
    // Zoé: 30 € (connection, not prorated); 12 days a month = the full 50 €.
    expect(z).toMatchObject({ regime: 'structural', monthlyDays: 12, coveredDays: 31, occupationPct: 80 });
    expect(z.amountCents).toBe(8000);
    expect(payroll.totalCents).toBe(10838);
    expect(payroll.daysInMonth).toBe(31);

    const read = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('object_id', '=', '2021-03')
      .execute();
    expect(read).toEqual([{ action: 'telework.allowance_payroll_read', actor_id: t.people.hr.id }]);
    expect((await t.send(t.people.manager, 'GET', `${PAYROLL}?month=2021-03`)).statusCode).toBe(403);
    const bad = await t.send(t.people.hr, 'GET', `${PAYROLL}?month=2021-13`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.month');
  });

  it('exports the month as CSV and XLSX, the total as the last row', async () => {
    const csv = await t.send(t.people.hr, 'GET', `${PAYROLL}?month=2021-03&format=csv&lang=fr`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toContain('relais-telework-allowances-2021-03.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Nom');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('Anna Aalst');
    expect(lines[3]).toMatch(/^Total/);
    expect(lines[3]).toContain('10838');

    const xlsx = await t.send(t.people.hr, 'GET', `${PAYROLL}?month=2021-03&format=xlsx&lang=en`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(new Uint8Array(xlsx.rawPayload))).worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toContain('Amount (EUR)');
    const total = sheet.getRow(4).values as unknown[];
    expect(total[1]).toBe('Total');
    expect(total.at(-2)).toBe(108.38);
    expect(total.at(-1)).toBe(10838);
    expect(sheet.getRow(3).values as unknown[]).toContain('Zoé Zeebrugge');
  });

  it('gives an empty list and a zero total for a month nobody is entitled to', async () => {
    const response = await t.send(t.people.hr, 'GET', `${PAYROLL}?month=2013-06`);
    expect(response.json()).toEqual({ month: '2013-06', daysInMonth: 30, lines: [], totalCents: 0 });
  });
});
