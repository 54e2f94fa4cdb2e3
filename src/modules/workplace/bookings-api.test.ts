import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../platform/i18n/i18n.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { DEFAULT_SITE_RULES, type SiteRules } from './contract.js';
import { type Db, saveSiteRules } from './repository.js';
import { rowFromRules } from './site-rules.js';

// The booking API on a prefixed copy of the demo building: floor 3, wing A has desks 001-005 in a
// row 1.4 m apart (001 at x 2.0, 002 at 3.4 …) and 006-010 facing them 1.6 m away.

const URL = '/api/v1/workplace/bookings';

describe.each(DIALECTS)('%s: booking API', (dialect) => {
  let t: TestApp;
  let site: string;
  const desk = (n: number, wing = 'A', level = '03') =>
    `t-botanique-${level}-${wing}-${String(n).padStart(3, '0')}`;
  const [day1, day2, day3, day4] = nextOpenDays(4) as [string, string, string, string];
  const countBookings = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('workplace_booking')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const setRules = (rules: Partial<SiteRules>) =>
    saveSiteRules(
      t.app.db as Db,
      rowFromRules(
        site,
        { ...DEFAULT_SITE_RULES, closingDays: [], ...rules },
        { at: new Date().toISOString(), by: null },
      ),
    );
  const book = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'POST', url: URL, headers, payload });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    site = await loadTestBuilding(t.app, 't');
  });
  afterAll(() => t.close());

  it('books a free desk (201) and lists it among my bookings', async () => {
    const emma = await makeBooker(t.app);
    const response = await book(emma.headers, { desk: desk(1), date: day1, slot: 'day' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      desk: desk(1),
      zone: 't-botanique-03-A',
      floor: 't-botanique-03',
      site,
      date: day1,
      slot: 'day',
      status: 'booked',
      checkInBy: '10:00',
      person: { id: emma.id, name: expect.stringContaining('Booker') },
      bookedBy: null,
    });
    const list = await t.app.inject({
      url: `${URL}?person=me&from=${day1}&to=${day4}`,
      headers: emma.headers,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([response.json().id]);
  });

  it('refuses the desk beside a booked one with 409 too_close, naming that desk and the distance, in the caller language', async () => {
    // Ann's language is Dutch: the problem's title is in it.
    const [tom, ann] = [await makeBooker(t.app), await makeBooker(t.app, ['employee'], null, 'nl')];
    expect((await book(tom.headers, { desk: desk(3), date: day2, slot: 'am' })).statusCode).toBe(201);
    const refused = await book(
      { ...ann.headers, 'accept-language': 'nl' },
      { desk: desk(4), date: day2, slot: 'day' },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const params = { nearDesk: desk(3), distanceMetres: 1.4, minDistanceMetres: 1.5 };
    expect(refused.json()).toMatchObject({
      status: 409,
      code: 'workplace.too_close',
      reason: 'too_close',
      ...params,
      title: translate('nl', 'workplace.too_close', params),
    });
    // The facing desk (1.6 m) is fine, and the neighbour is free in the afternoon.
    expect((await book(ann.headers, { desk: desk(8), date: day2, slot: 'day' })).statusCode).toBe(201);
    const third = await makeBooker(t.app);
    expect((await book(third.headers, { desk: desk(4), date: day2, slot: 'pm' })).statusCode).toBe(201);
  });

  it('answers each refusal with its code: desk taken, person already booked, closed day, horizon, blocked desk', async () => {
    const [a, b] = [await makeBooker(t.app), await makeBooker(t.app)];
    expect((await book(a.headers, { desk: desk(20), date: day3, slot: 'am' })).statusCode).toBe(201);
    const reasonOf = async (headers: Record<string, string>, payload: object) => {
      const response = await book(headers, payload);
      expect(response.statusCode, response.body).toBe(409);
      return response.json().reason;
    };
    expect(await reasonOf(b.headers, { desk: desk(20), date: day3, slot: 'day' })).toBe('desk_taken');
    expect(await reasonOf(a.headers, { desk: desk(30), date: day3, slot: 'day' })).toBe(
      'person_already_booked',
    );
    const saturday = nextSaturday(day1);
    expect(await reasonOf(b.headers, { desk: desk(30), date: saturday, slot: 'day' })).toBe('closed_day');
    const beyond = nextOpenDays(1, addDays(day1, 30))[0]!;
    expect(await reasonOf(b.headers, { desk: desk(30), date: beyond, slot: 'day' })).toBe('outside_horizon');
    await t.app.db
      .updateTable('workplace_desk')
      .set({ is_blocked: 1, blocked_reason: 'distancing' })
      .where('id', '=', desk(38))
      .execute();
    expect(await reasonOf(b.headers, { desk: desk(38), date: day3, slot: 'day' })).toBe('desk_blocked');
  });

  it('applies the site rules: zone capacity, weekly limit of office days, team rotation', async () => {
    try {
      await setRules({ zoneCapacity: { people: 1 }, minDistanceMetres: 0 });
      const [a, b] = [await makeBooker(t.app), await makeBooker(t.app)];
      expect((await book(a.headers, { desk: desk(1, 'B', '04'), date: day1, slot: 'day' })).statusCode).toBe(
        201,
      );
      const full = await book(b.headers, { desk: desk(2, 'B', '04'), date: day1, slot: 'am' });
      expect(full.json()).toMatchObject({
        reason: 'zone_full',
        zone: 't-botanique-04-B',
        booked: 1,
        capacity: 1,
      });

      await setRules({ weeklyOfficeDaysMax: 1 });
      const c = await makeBooker(t.app);
      const [monday, tuesday] = sameWeekDays();
      expect((await book(c.headers, { desk: desk(1, 'C', '04'), date: monday, slot: 'am' })).statusCode).toBe(
        201,
      );
      const limit = await book(c.headers, { desk: desk(1, 'C', '04'), date: tuesday, slot: 'am' });
      expect(limit.json()).toMatchObject({ reason: 'weekly_limit', max: 1, count: 1 });

      await setRules({ teamRotation: { oddWeeks: ['hr'], evenWeeks: ['call-center'] } });
      const hr = await makeBooker(t.app, ['employee'], 'hr');
      const callCenter = await makeBooker(t.app, ['employee'], 'call-center');
      const answers = [
        await book(hr.headers, { desk: desk(10, 'C', '05'), date: monday, slot: 'day' }),
        await book(callCenter.headers, { desk: desk(20, 'C', '05'), date: monday, slot: 'day' }),
      ];
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json().reason).toBe('not_your_team_week');
    } finally {
      await setRules({});
    }
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const emma = await makeBooker(t.app);
    const before = await countBookings();
    const cases: [object, number, string, string][] = [
      [{ desk: 'no-such-desk', date: day1, slot: 'day' }, 404, 'desk', 'workplace.desk_not_found'],
      [{ desk: desk(15), date: '2020-03-18', slot: 'day' }, 400, 'date', 'workplace.date_in_past'],
      [{ desk: desk(15), date: 'tomorrow', slot: 'day' }, 400, 'date', 'input.date'],
      [{ desk: desk(15), date: '2026-02-30', slot: 'day' }, 400, 'date', 'input.date'],
      [{ desk: desk(15), date: day1, slot: 'evening' }, 400, 'slot', 'validation.enum'],
      [
        { desk: desk(15), date: day1, slot: 'day', person: 'facility' },
        403,
        'person',
        'workplace.booking_for_others_forbidden',
      ],
    ];
    for (const [payload, status, field, code] of cases) {
      const response = await book(emma.headers, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.json().errors, JSON.stringify(payload)).toContainEqual(
        expect.objectContaining({ field, code }),
      );
    }
    expect(await countBookings()).toBe(before);
  });

  it('lets a facility manager book for someone else and cancel it; the person cancels their own, nobody else', async () => {
    const facility = await makeBooker(t.app, ['facility', 'employee']);
    const [owner, stranger] = [await makeBooker(t.app), await makeBooker(t.app)];
    const booked = await book(facility.headers, {
      desk: desk(25),
      date: day4,
      slot: 'pm',
      person: owner.username,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({
      person: { id: owner.id },
      bookedBy: expect.stringContaining('Booker'),
    });
    const id = booked.json().id;
    const strangers = await t.app.inject({
      method: 'DELETE',
      url: `${URL}/${id}`,
      headers: stranger.headers,
    });
    expect(strangers.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: `${URL}/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b`,
      headers: owner.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const cancelled = await t.app.inject({ method: 'DELETE', url: `${URL}/${id}`, headers: owner.headers });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const again = await t.app.inject({ method: 'DELETE', url: `${URL}/${id}`, headers: facility.headers });
    expect(again.statusCode).toBe(409);
    // A cancelled booking frees the desk.
    expect((await book(stranger.headers, { desk: desk(25), date: day4, slot: 'day' })).statusCode).toBe(201);
    // Only a facility manager reads someone else's bookings.
    const theirs = await t.app.inject({ url: `${URL}?person=${owner.username}`, headers: stranger.headers });
    expect(theirs.statusCode).toBe(403);
    const asFacility = await t.app.inject({
      url: `${URL}?person=${owner.username}&from=${day1}`,
      headers: facility.headers,
    });
    expect(asFacility.json().items).toHaveLength(1);
  });

  it('draws a floor for a date and slot: taken, too close, blocked and free desks, and each zone against its capacity', async () => {
    const [me, other] = [await makeBooker(t.app), await makeBooker(t.app)];
    expect((await book(me.headers, { desk: desk(11, 'A', '05'), date: day4, slot: 'am' })).statusCode).toBe(
      201,
    );
    expect(
      (await book(other.headers, { desk: desk(13, 'A', '05'), date: day4, slot: 'day' })).statusCode,
    ).toBe(201);
    await t.app.db
      .updateTable('workplace_desk')
      .set({ is_blocked: 1 })
      .where('id', '=', desk(40, 'A', '05'))
      .execute();
    const map = await t.app.inject({
      url: `/api/v1/workplace/floors/t-botanique-05?date=${day4}&slot=am`,
      headers: me.headers,
    });
    expect(map.statusCode, map.body).toBe(200);
    const plan = map.json();
    const state = (id: string) => plan.desks.find((d: { id: string }) => d.id === id);
    expect(state(desk(11, 'A', '05'))).toMatchObject({ state: 'taken', isMine: true });
    expect(state(desk(12, 'A', '05'))).toMatchObject({ state: 'too_close', isMine: false });
    expect(state(desk(13, 'A', '05'))).toMatchObject({ state: 'taken', isMine: false });
    expect(state(desk(40, 'A', '05'))).toMatchObject({ state: 'blocked' });
    expect(state(desk(16, 'A', '05'))).toMatchObject({ state: 'free' });
    expect(plan.zones.find((z: { id: string }) => z.id === 't-botanique-05-A')).toMatchObject({
      deskCount: 40,
      capacity: 40,
      booked: 2,
    });
    const afternoon = await t.app.inject({
      url: `/api/v1/workplace/floors/t-botanique-05?date=${day4}&slot=pm`,
      headers: me.headers,
    });
    const inAfternoon = (id: string) => afternoon.json().desks.find((d: { id: string }) => d.id === id);
    expect(inAfternoon(desk(11, 'A', '05'))).toMatchObject({ state: 'free', isMine: false });
    expect(inAfternoon(desk(12, 'A', '05'))).toMatchObject({ state: 'too_close' });
    const sites = await t.app.inject({ url: '/api/v1/workplace/sites', headers: me.headers });
    expect(sites.json().items.find((s: { id: string }) => s.id === site).floors).toHaveLength(3);
    const unknown = await t.app.inject({
      url: `/api/v1/workplace/floors/nowhere?date=${day4}`,
      headers: me.headers,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("names the zone where my team usually sits, from my colleagues' bookings before the day", async () => {
    const colleague = await makeBooker(t.app, ['employee'], 'communication');
    const me = await makeBooker(t.app, ['employee'], 'communication');
    const stranger = await makeBooker(t.app, ['employee'], 'ict');
    for (const [n, day] of [
      [33, day1],
      [37, day2],
    ] as const) {
      const booked = await book(colleague.headers, { desk: desk(n, 'C', '05'), date: day, slot: 'day' });
      expect(booked.statusCode, booked.body).toBe(201);
    }
    const teamZone = async (headers: Record<string, string>, date: string) =>
      (await t.app.inject({ url: `/api/v1/workplace/floors/t-botanique-05?date=${date}`, headers })).json()
        .teamZone;
    expect(await teamZone(me.headers, day3)).toBe('t-botanique-05-C');
    // The day itself does not count, nor another team's habits.
    expect(await teamZone(me.headers, day1)).toBeNull();
    expect(await teamZone(stranger.headers, day3)).toBeNull();
  });
});

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function nextSaturday(from: string): string {
  let day = from;
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
  return day;
}

/** Two open days of the same ISO week within the horizon. */
function sameWeekDays(): [string, string] {
  const days = nextOpenDays(10);
  const mondayOf = (day: string) => addDays(day, 1 - (new Date(`${day}T00:00:00Z`).getUTCDay() || 7));
  for (let i = 0; i + 1 < days.length; i++)
    if (mondayOf(days[i]!) === mondayOf(days[i + 1]!)) return [days[i]!, days[i + 1]!];
  throw new Error('no two open days in one week');
}
