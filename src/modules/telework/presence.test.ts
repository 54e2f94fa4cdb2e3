import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../platform/db/time.js';
import { belgianHolidays } from '../../shared/belgian-holidays.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding } from '../../test-support/workplace.js';
import { activeBookingsOf } from '../workplace/index.js';
import type { Place, PresencePlan } from './contract.js';
import { insertApprovedAgreement, insertMandatoryMeasure, makeStaff } from './presence-test-rows.js';
import { isoWeekName, mondayOf, plusDays, workingDaysOf } from './presence-week.js';

// Next week: within the workplace's booking horizon (14 days), wholly in the future.
const MONDAY = plusDays(mondayOf(brusselsDay()), 7);
const WEEK = isoWeekName(MONDAY);
const DAYS = workingDaysOf(MONDAY);
const holidays = new Set(belgianHolidays(Number(MONDAY.slice(0, 4))).map((h) => h.date));
// Desks are booked only on days the building is open.
const OPEN = DAYS.map((d, i) => [d, i] as const).filter(([d]) => !holidays.has(d));

/** A whole week planned in words, `OO TT …` (T telework, O office, L leave, M mission), with desks by day index. */
function plan(halves: string, desks: Record<number, string> = {}): PresencePlan {
  const place: Record<string, Place> = { T: 'telework', O: 'office', L: 'leave', M: 'mission' };
  const pairs = halves.split(' ');
  return {
    week: WEEK,
    days: DAYS.map((date, i) => ({
      date,
      am: place[pairs[i]![0]!]!,
      pm: place[pairs[i]![1]!]!,
      ...(desks[i] !== undefined && { desk: desks[i] }),
    })),
  };
}
const places = (week: { days: { am: { place: string }; pm: { place: string } }[] }) =>
  week.days.map((d) => `${d.am.place[0]}${d.pm.place[0]}`.toUpperCase()).join(' ');

describe.each(DIALECTS)('%s: the weekly presence plan', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadTestBuilding(t.app, 'pr');
  });
  afterAll(() => t.close());

  const get = (headers: Record<string, string>, url: string, language = 'en') =>
    t.app.inject({ method: 'GET', url, headers: { ...headers, 'accept-language': language } });
  const put = (headers: Record<string, string>, body: object, language = 'en') =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/telework/presence/week',
      headers: { ...headers, 'accept-language': language },
      payload: body,
    });

  it('pre-fills the week from the agreement in force: its telework days at home, the rest at the office', async () => {
    const me = await makeStaff(t.app);
    await insertApprovedAgreement(t.app, me.id, {
      regime: 'structural',
      daysPerWeek: 1.5,
      weekdays: [
        { day: 'tue', part: 'day' },
        { day: 'thu', part: 'am' },
      ],
      startDate: '2020-01-01',
    });
    const res = await get(me.headers, `/api/v1/telework/presence/week?week=${WEEK}`);
    expect(res.statusCode).toBe(200);
    const week = res.json();
    expect(places(week)).toBe('OO TT OO TO OO');
    expect(week).toMatchObject({
      week: WEEK,
      monday: MONDAY,
      isSaved: false,
      teleworkDays: 1.5,
      warnings: [],
    });
    expect(week.days[1].am.source).toBe('agreement');
    expect(week.agreement).toMatchObject({ regime: 'structural', daysPerWeek: 1.5 });
    // A day of the week names the same week.
    expect((await get(me.headers, `/api/v1/telework/presence/week?week=${DAYS[3]}`)).json().monday).toBe(
      MONDAY,
    );
  });

  it('saves the week and books the desk of an office day in the same step, then gives the desk back when the day turns to telework', async () => {
    const me = await makeStaff(t.app);
    const [day, index] = OPEN[0]!;
    const saved = await put(me.headers, plan('OO OO OO OO OO', { [index]: 'pr-botanique-03-A-001' }));
    expect(saved.statusCode).toBe(200);
    const week = saved.json();
    expect(week.isSaved).toBe(true);
    expect(week.days[index].am.source).toBe('saved');
    expect(week.days[index].desks).toEqual([
      expect.objectContaining({ desk: 'pr-botanique-03-A-001', slot: 'day' }),
    ]);
    expect((await activeBookingsOf(t.app.db, me.id, day, day)).map((b) => b.desk)).toEqual([
      'pr-botanique-03-A-001',
    ]);

    // Saving again without naming the desk keeps it: the day is still at the office.
    expect((await put(me.headers, plan('OO OO OO OO OO'))).json().days[index].desks).toHaveLength(1);
    // A morning at the office keeps a desk booked for it; a day in telework gives it back.
    const telework = (await put(me.headers, plan('TT TT TT TT TT'))).json();
    expect(telework.days[index].desks).toEqual([]);
    expect(await activeBookingsOf(t.app.db, me.id, day, day)).toEqual([]);
    // Telework without an agreement is advice, not a refusal: saved, with a warning a day.
    expect(telework.warnings.map((w: { code: string }) => w.code)).toEqual(
      Array(5).fill('telework.presence.no_agreement'),
    );
  });

  it('books a morning only when only the morning is at the office', async () => {
    const me = await makeStaff(t.app);
    const [, index] = OPEN[1]!;
    const halves = DAYS.map((_, i) => (i === index ? 'OT' : 'OO')).join(' ');
    const week = (await put(me.headers, plan(halves, { [index]: 'pr-botanique-04-A-001' }))).json();
    expect(week.days[index].desks).toEqual([expect.objectContaining({ slot: 'am' })]);
  });

  it("refuses the whole plan when the workplace refuses a desk, in the person's language and naming the day", async () => {
    const other = await makeStaff(t.app);
    const me = await makeStaff(t.app, { language: 'fr' });
    const [firstDay, first] = OPEN[0]!;
    const [takenDay, taken] = OPEN[2]!;
    // Someone else holds the desk that day.
    const theirs = plan('OO OO OO OO OO', { [taken]: 'pr-botanique-05-C-001' });
    expect((await put(other.headers, theirs)).statusCode).toBe(200);

    const mine = plan('OO OO OO OO OO', {
      [first]: 'pr-botanique-05-A-001',
      [taken]: 'pr-botanique-05-C-001',
    });
    const res = await put(me.headers, mine, 'fr');
    expect(res.statusCode).toBe(409);
    const problem = res.json();
    expect(problem.code).toBe('telework.presence.desk_refused');
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: `days.${taken}.desk`, code: 'telework.presence.desk_refused_on' }),
    ]);
    const dayName = new Intl.DateTimeFormat('fr-BE', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(`${takenDay}T00:00:00Z`));
    expect(problem.errors[0].message).toContain(dayName);
    expect(problem.title).toContain(dayName);
    // Nothing saved: not the plan, not the first day's desk.
    const after = (await get(me.headers, `/api/v1/telework/presence/week?week=${WEEK}`)).json();
    expect(after.isSaved).toBe(false);
    expect(await activeBookingsOf(t.app.db, me.id, firstDay, takenDay)).toEqual([]);
  });

  it("warns, in the person's language, of telework days above the agreement and of office days during a mandatory measure", async () => {
    const me = await makeStaff(t.app, { language: 'nl' });
    await insertApprovedAgreement(t.app, me.id, {
      regime: 'structural',
      daysPerWeek: 1,
      weekdays: [{ day: 'mon', part: 'day' }],
      startDate: '2020-01-01',
    });
    const above = (await put(me.headers, plan('TT TT TT OO OO'), 'nl')).json();
    expect(above.warnings).toEqual([
      {
        code: 'telework.presence.above_agreement_days',
        message: '3 telewerkdagen gepland deze week, voor 1 in uw overeenkomst.',
        date: null,
      },
    ]);

    const colleague = await makeStaff(t.app, { language: 'fr' });
    await insertMandatoryMeasure(t.app, { startDate: DAYS[3]!, endDate: DAYS[4]! });
    const week = (await get(colleague.headers, `/api/v1/telework/presence/week?week=${WEEK}`, 'fr')).json();
    expect(places(week)).toBe('OO OO OO TT TT');
    expect(week.days[3].am.source).toBe('crisis');
    expect(week.crisisMeasures).toEqual([
      expect.objectContaining({ kind: 'mandatory', title: 'Télétravail obligatoire' }),
    ]);
    const office = (await put(colleague.headers, plan('OO OO OO OO TT'), 'fr')).json();
    expect(office.warnings).toEqual([
      expect.objectContaining({ code: 'telework.presence.office_during_crisis', date: DAYS[3] }),
    ]);
    expect(office.warnings[0].message).toContain('Télétravail obligatoire');
  });

  it('refuses an impossible plan with the field to fix: a day outside the week, a day twice or missing, an unknown place', async () => {
    const me = await makeStaff(t.app);
    const outside = plan('OO OO OO OO OO');
    outside.days[0]!.date = plusDays(MONDAY, 5);
    const res = await put(me.headers, outside);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['days.0.date', 'telework.presence.day_outside_week'],
      ['days', 'telework.presence.day_missing'],
    ]);
    const unknown = await put(me.headers, {
      ...plan('OO OO OO OO OO'),
      days: [{ date: MONDAY, am: 'beach', pm: 'office' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('days.0.am');
    const noWeek = await get(me.headers, '/api/v1/telework/presence/week?week=2021-W53');
    expect(noWeek.statusCode).toBe(400);
    expect(noWeek.json().errors[0]).toMatchObject({ field: 'week', code: 'telework.presence.no_such_week' });
    const noSuchDesk = await put(
      me.headers,
      plan('OO OO OO OO OO', { [OPEN[0]![1]]: 'pr-botanique-09-Z-999' }),
    );
    expect(noSuchDesk.statusCode).toBe(400);
    expect(noSuchDesk.json().errors[0]).toMatchObject({
      field: `days.${OPEN[0]![1]}.desk`,
      code: 'telework.presence.desk_refused_on',
    });
    expect(noSuchDesk.json().errors[0].message).toContain('pr-botanique-09-Z-999');
    const deskAtHome = await put(me.headers, plan('TT OO OO OO OO', { 0: 'pr-botanique-03-B-001' }));
    expect(deskAtHome.json().errors[0]).toMatchObject({
      field: 'days.0.desk',
      code: 'telework.presence.desk_without_office',
    });
  });

  it("shows a manager their direct reports' week, with the share at the office per day, and audits the read", async () => {
    const manager = await makeStaff(t.app, { roles: ['employee', 'manager'] });
    const ann = await makeStaff(t.app, { manager: manager.username });
    const bob = await makeStaff(t.app, { manager: manager.username });
    const stranger = await makeStaff(t.app);
    await put(ann.headers, plan('OO OO TT TT LL'));
    await put(bob.headers, plan('OO TT TT OT MM'));
    await put(stranger.headers, plan('OO OO OO OO OO'));

    const res = await get(manager.headers, `/api/v1/telework/presence/team?week=${WEEK}`);
    expect(res.statusCode).toBe(200);
    const team = res.json();
    expect(team.members.map((m: { person: { id: string } }) => m.person.id).sort()).toEqual(
      [ann.id, bob.id].sort(),
    );
    expect(team.days.map((d: { officeShare: number }) => d.officeShare)).toEqual([100, 50, 0, 25, 0]);
    expect(team.days.map((d: { officePeople: number }) => d.officePeople)).toEqual([2, 1, 0, 1, 0]);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('actor_id', '=', manager.id)
      .where('action', '=', 'telework.presence_team_read')
      .execute();
    expect(audit).toHaveLength(1);

    // One report's week, with its warnings, the read audited; not someone else's.
    const annWeek = await get(
      manager.headers,
      `/api/v1/telework/presence/people/${ann.id}/week?week=${WEEK}`,
    );
    expect(annWeek.statusCode).toBe(200);
    expect(places(annWeek.json())).toBe('OO OO TT TT LL');
    const read = await t.app.db
      .selectFrom('audit_log')
      .select(['object_id'])
      .where('actor_id', '=', manager.id)
      .where('action', '=', 'telework.presence_read')
      .execute();
    expect(read).toEqual([{ object_id: ann.id }]);
    const refused = await get(
      manager.headers,
      `/api/v1/telework/presence/people/${stranger.id}/week?week=${WEEK}`,
    );
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('telework.presence.not_your_report');
    // Only HR and admins pick a unit.
    expect((await get(manager.headers, `/api/v1/telework/presence/team?unit=dgo`)).statusCode).toBe(403);
  });

  it("does not show someone else's week to a member of staff without telework.team", async () => {
    const me = await makeStaff(t.app);
    const colleague = await makeStaff(t.app);
    expect((await get(me.headers, `/api/v1/telework/presence/people/${colleague.id}/week`)).statusCode).toBe(
      403,
    );
    expect((await get(me.headers, '/api/v1/telework/presence/team')).statusCode).toBe(403);
  });

  it('lets HR see a unit and download the team week as CSV and XLSX', async () => {
    const admin = await makeStaff(t.app, { roles: ['admin'] });
    const unit = `pres-${Math.random().toString(36).slice(2, 7)}`;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/directory/org-units',
      headers: admin.headers,
      payload: { code: unit, nameFr: 'Unité', nameNl: 'Eenheid', kind: 'team' },
    });
    expect(created.statusCode).toBe(201);
    const hr = await makeStaff(t.app, { roles: ['hr'] });
    const member = await makeStaff(t.app, { orgUnit: unit });
    await put(member.headers, plan('OO TT OO TT OO'));
    const team = (await get(hr.headers, `/api/v1/telework/presence/team?week=${WEEK}&unit=${unit}`)).json();
    expect(team.members.map((m: { person: { name: string } }) => m.person.name)).toEqual([member.name]);
    expect(team.days.map((d: { officeShare: number }) => d.officeShare)).toEqual([100, 0, 100, 0, 100]);

    const csv = await get(
      hr.headers,
      `/api/v1/telework/presence/team?week=${WEEK}&unit=${unit}&format=csv&lang=fr`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(member.name);
    expect(csv.body).toContain('Télétravail');
    expect(csv.body).toContain('Part au bureau');
    const xlsx = await get(
      hr.headers,
      `/api/v1/telework/presence/team?week=${WEEK}&unit=${unit}&format=xlsx`,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
