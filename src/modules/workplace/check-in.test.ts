import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../platform/db/time.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker } from '../../test-support/workplace.js';
import { addDays } from './calendar.js';
import { releaseNoShows } from './check-in.js';
import type { Slot } from './contract.js';
import { RELEASE_JOB, scheduleRelease } from './release-job.js';
import { type Db, findBooking, insertBooking } from './repository.js';

// Bookings are written straight into the table here: check-in and release concern days the
// booking rules may close (a test run on a Sunday, a day already past).

describe.each(DIALECTS)('%s: check-in and release of unclaimed desks', (dialect) => {
  let t: TestApp;
  const today = brusselsDay();
  const desk = (n: number) => `k-botanique-03-B-${String(n).padStart(3, '0')}`;
  const seedBooking = async (personId: string, deskId: string, date: string, slot: Slot) => {
    const id = randomUUID();
    const now = new Date().toISOString();
    await insertBooking(t.app.db as Db, {
      id,
      desk_id: deskId,
      floor_id: 'k-botanique-03',
      person_id: personId,
      booked_on: date,
      slot,
      status: 'booked',
      created_by: personId,
      created_at: now,
      updated_at: now,
      checked_in_at: null,
      released_at: null,
      cancelled_at: null,
    });
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadTestBuilding(t.app, 'k');
  });
  afterAll(() => t.close());

  it("checks in the caller's booking of the desk today, once", async () => {
    const emma = await makeBooker(t.app);
    const id = await seedBooking(emma.id, desk(1), today, 'day');
    const url = `/api/v1/workplace/desks/${desk(1)}/check-in`;
    const first = await t.app.inject({ method: 'POST', url, headers: emma.headers });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id, status: 'checked_in' });
    const again = await t.app.inject({ method: 'POST', url, headers: emma.headers });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('workplace.nothing_to_check_in');
    const someoneElse = await makeBooker(t.app);
    expect((await t.app.inject({ method: 'POST', url, headers: someoneElse.headers })).statusCode).toBe(404);
  });

  it('releases bookings not checked in by their deadline, and tells each person by mail', async () => {
    const [late, morning, afternoon] = [
      await makeBooker(t.app),
      await makeBooker(t.app),
      await makeBooker(t.app),
    ];
    const yesterday = await seedBooking(late.id, desk(5), addDays(today, -1), 'pm');
    const am = await seedBooking(morning.id, desk(10), today, 'am');
    const pm = await seedBooking(afternoon.id, desk(15), today, 'pm');
    const tomorrow = await seedBooking(morning.id, desk(10), addDays(today, 1), 'am');

    expect(await releaseNoShows(t.app.db as Db, t.app.identities, today, 9 * 60 + 59)).toBe(1);
    expect(await releaseNoShows(t.app.db as Db, t.app.identities, today, 10 * 60)).toBe(1);
    const status = async (id: string) => (await findBooking(t.app.db as Db, id))?.status;
    expect([await status(yesterday), await status(am), await status(pm), await status(tomorrow)]).toEqual([
      'released',
      'released',
      'booked',
      'booked',
    ]);
    const mails = await t.app.db
      .selectFrom('platform_mail_outbox')
      .select(['to_address', 'subject', 'object_ref'])
      .where('source', '=', 'workplace')
      .execute();
    expect(mails.map((m) => m.object_ref).sort()).toEqual([yesterday, am].sort());
    expect(mails.find((m) => m.object_ref === am)).toMatchObject({
      to_address: `${morning.username}@example.org`,
      subject: `Desk ${desk(10)} released (${today})`,
    });
  });

  it("releases at the check-in times the site's facility manager set, and says that time in the mail", async () => {
    const site = await loadTestBuilding(t.app, 'kt');
    const facility = await makeBooker(t.app, ['facility']);
    const current = await t.app.inject({ url: '/api/v1/workplace/sites', headers: facility.headers });
    const rules = current.json().items.find((s: { id: string }) => s.id === site).rules;
    expect(rules.checkInBy).toEqual({ am: '10:00', pm: '14:00' });
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workplace/sites/${site}/rules`,
      headers: facility.headers,
      payload: { ...rules, checkInBy: { am: '11:30', pm: '15:00' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const wrong = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/workplace/sites/${site}/rules`,
      headers: facility.headers,
      payload: { ...rules, checkInBy: { am: '25:00', pm: '15:00' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('checkInBy');

    const person = await makeBooker(t.app);
    const id = randomUUID();
    const now = new Date().toISOString();
    await insertBooking(t.app.db as Db, {
      id,
      desk_id: 'kt-botanique-04-A-001',
      floor_id: 'kt-botanique-04',
      person_id: person.id,
      booked_on: today,
      slot: 'day',
      status: 'booked',
      created_by: person.id,
      created_at: now,
      updated_at: now,
      checked_in_at: null,
      released_at: null,
      cancelled_at: null,
    });
    const page = await t.app.inject({
      url: '/api/v1/workplace/desks/kt-botanique-04-A-001/check-in',
      headers: person.headers,
    });
    expect(page.json()).toMatchObject({
      standing: 'can_check_in',
      deadline: '11:30',
      checkInBy: { am: '11:30', pm: '15:00' },
      booking: { id, checkInBy: '11:30' },
    });
    const status = async () => (await findBooking(t.app.db as Db, id))?.status;
    await releaseNoShows(t.app.db as Db, t.app.identities, today, 11 * 60);
    expect(await status()).toBe('booked');
    await releaseNoShows(t.app.db as Db, t.app.identities, today, 11 * 60 + 30);
    expect(await status()).toBe('released');
    const mail = await t.app.db
      .selectFrom('platform_mail_outbox')
      .select('text_body')
      .where('object_ref', '=', id)
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain('11:30');
  });

  it('runs as a job of the platform runner, which queues its next run', async () => {
    const person = await makeBooker(t.app);
    const id = await seedBooking(person.id, desk(20), addDays(today, -2), 'am');
    await scheduleRelease(t.app.db as Db);
    await scheduleRelease(t.app.db as Db);
    expect(await t.app.jobs.runDue()).toBeGreaterThanOrEqual(1);
    expect((await findBooking(t.app.db as Db, id))?.status).toBe('released');
    const queued = await t.app.db
      .selectFrom('platform_job')
      .select(['status'])
      .where('kind', '=', RELEASE_JOB)
      .execute();
    expect(queued.map((j) => j.status).sort()).toEqual(['done', 'queued']);
  });
});
