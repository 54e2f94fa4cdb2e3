import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPerson } from '../../test-support/factories.js';
import { withApp } from '../../test-support/with-app.js';
import { crisisMeasuresBetween } from './crisis-measures.js';
import { teleworkMandatory } from './crisis-rules.js';

const URL = '/api/v1/telework/crisis-measures';

const mandatory = {
  kind: 'mandatory',
  title: { fr: 'Télétravail obligatoire', nl: 'Verplicht telewerk' },
  startDate: '2020-10-19',
  endDate: '2021-06-08',
};

describe.each(DIALECTS)('%s: crisis measures', (dialect) => {
  const t = withApp(dialect, { as: ['hr', 'employee'] });
  const db = () => t.app.db as Kysely<any>;
  const count = async () =>
    Number(
      (
        await db()
          .selectFrom('telework_crisis_measure')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets HR declare mandatory telework with the mail room excepted; everyone reads it, names included', async () => {
    const unit = await t.send(t.people.hr, 'POST', '/api/v1/directory/org-units', {
      code: 'mail-room',
      nameFr: 'Courrier',
      nameNl: 'Post',
      kind: 'service',
    });
    expect(unit.statusCode, unit.body).toBe(201);
    const clerk = await buildPerson(t.app.db, { name: 'Marc Mail', canLogIn: false });
    expect((await t.send(t.people.employee, 'POST', URL, mandatory)).statusCode).toBe(403);
    const created = await t.send(t.people.hr, 'POST', URL, { ...mandatory, exceptions: [clerk.id] });
    expect(created.statusCode, created.body).toBe(201);
    const measure = created.json();
    expect(measure).toMatchObject({
      ...mandatory,
      orgUnits: [],
      exceptions: [clerk.id],
      weeklyCapDays: null,
      exceptionPeople: [{ id: clerk.id, name: 'Marc Mail' }],
    });
    const seen = await t.send(t.people.employee, 'GET', URL);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([expect.objectContaining({ id: measure.id, title: mandatory.title })]);

    // The rest of the module reads it as the crisis rules' measure, and applies it.
    const measures = await crisisMeasuresBetween(t.app.db, '2020-11-01', '2020-11-30');
    expect(measures).toEqual([
      {
        id: measure.id,
        kind: 'mandatory',
        startDate: '2020-10-19',
        endDate: '2021-06-08',
        orgUnits: [],
        exceptions: [clerk.id],
        weeklyCapDays: null,
        title: mandatory.title,
      },
    ]);
    const someone = { id: t.people.employee.id, orgUnit: 'hr', teleworkable: true };
    expect(teleworkMandatory(measures, someone, '2020-11-02')).toBe(true);
    expect(teleworkMandatory(measures, { ...someone, id: clerk.id }, '2020-11-02')).toBe(false);
    expect(await crisisMeasuresBetween(t.app.db, '2021-06-09', '2021-12-31')).toEqual([]);
  });

  it('changes a measure and ends it, with an audit row for each change', async () => {
    const relaxed = await t.send(t.people.hr, 'POST', URL, {
      kind: 'relaxed',
      title: { fr: 'Trois jours flexibles', nl: 'Drie flexibele dagen' },
      startDate: '2020-09-01',
      orgUnits: ['mail-room'],
      weeklyCapDays: 3,
    });
    expect(relaxed.statusCode, relaxed.body).toBe(201);
    const id = relaxed.json().id;
    const changed = await t.send(t.people.hr, 'PUT', `${URL}/${id}`, {
      kind: 'relaxed',
      title: { fr: 'Trois jours flexibles', nl: 'Drie flexibele dagen' },
      startDate: '2020-09-01',
      weeklyCapDays: 2.5,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ orgUnits: [], weeklyCapDays: 2.5, endDate: null });
    const ended = await t.send(t.people.hr, 'POST', `${URL}/${id}/end`, { endDate: '2020-10-18' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().endDate).toBe('2020-10-18');
    const audit = await db().selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'telework.crisis_measure_created',
      'telework.crisis_measure_ended',
      'telework.crisis_measure_updated',
    ]);
    expect((await t.send(t.people.hr, 'PUT', `${URL}/nope`, mandatory)).statusCode).toBe(404);
    const early = await t.send(t.people.hr, 'POST', `${URL}/${id}/end`, { endDate: '2020-08-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({
      field: 'endDate',
      code: 'telework.crisis.end_before_start',
    });
  });

  it.each([
    ['an end before the start', { endDate: '2020-10-18' }, 'endDate', 'telework.crisis.end_before_start'],
    [
      'a relaxed measure without its weekly cap',
      { kind: 'relaxed' },
      'weeklyCapDays',
      'telework.crisis.weekly_cap_required',
    ],
    [
      'a mandatory measure with a weekly cap',
      { weeklyCapDays: 3 },
      'weeklyCapDays',
      'telework.crisis.weekly_cap_for_mandatory',
    ],
    [
      'an unknown unit',
      { orgUnits: ['mail-room', 'atlantis'] },
      'orgUnits.1',
      'telework.crisis.unknown_org_unit',
    ],
    [
      'an unknown person excepted',
      { exceptions: ['nobody'] },
      'exceptions.0',
      'telework.crisis.unknown_person',
    ],
    ['an unknown kind', { kind: 'forbidden' }, 'kind', 'validation.enum'],
  ])('refuses %s with a field error, writing nothing', async (_name, change, field, code) => {
    const before = await count();
    const response = await t.send(t.people.hr, 'POST', URL, { ...mandatory, ...change });
    expect(response.statusCode, response.body).toBe(400);
    const error = (response.json().errors as { field: string; code: string; message: string }[]).find(
      (e) => e.field === field,
    );
    expect(error, response.body).toBeDefined();
    if (code.startsWith('telework.')) expect(error!.code).toBe(code);
    expect(error!.message).not.toBe(error!.code);
    expect(await count()).toBe(before);
  });

  it('shows the measures in force during the years of the statistics report', async () => {
    await t.app.db
      .insertInto('telework_stat_organisation')
      .values({
        id: 'test-org',
        name: 'Test org',
        target_pct: null,
        imported_at: null,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      })
      .execute();
    const hr = await buildPerson(t.app, { roles: ['hr'] });
    const report = await t.send(hr, 'GET', '/api/v1/telework/statistics?org=test-org&from=2020&to=2020');
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().crisisMeasures).toEqual([
      {
        kind: 'relaxed',
        title: { fr: 'Trois jours flexibles', nl: 'Drie flexibele dagen' },
        startDate: '2020-09-01',
        endDate: '2020-10-18',
      },
      { kind: 'mandatory', title: mandatory.title, startDate: '2020-10-19', endDate: '2021-06-08' },
    ]);
    const later = await t.send(hr, 'GET', '/api/v1/telework/statistics?org=test-org&from=2022&to=2023');
    expect(later.json().crisisMeasures).toEqual([]);
  });
});
