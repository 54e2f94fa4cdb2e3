import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../platform/db/time.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker } from '../../test-support/workplace.js';
import type { Slot } from './contract.js';
import { type Db, insertBooking } from './repository.js';

// What a desk's QR code opens: the desk, and where the caller stands with it today. Bookings are
// written straight into the table: a test run on a Sunday has no bookable today.

describe.each(DIALECTS)('%s: a desk’s check-in page', (dialect) => {
  let t: TestApp;
  const today = brusselsDay();
  const desk = (n: number) => `dc-botanique-04-B-${String(n).padStart(3, '0')}`;
  const url = (deskId: string) => `/api/v1/workplace/desks/${deskId}/check-in`;
  const seedBooking = async (personId: string, deskId: string, slot: Slot, status = 'booked') => {
    const id = randomUUID();
    const now = new Date().toISOString();
    await insertBooking(t.app.db as Db, {
      id,
      desk_id: deskId,
      floor_id: 'dc-botanique-04',
      person_id: personId,
      booked_on: today,
      slot,
      status,
      created_by: personId,
      created_at: now,
      updated_at: now,
      checked_in_at: null,
      released_at: status === 'released' ? now : null,
      cancelled_at: null,
    });
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadTestBuilding(t.app, 'dc');
  });
  afterAll(() => t.close());

  it('shows the desk, its zone, floor and building, and offers to check in the booking of today', async () => {
    const emma = await makeBooker(t.app);
    const id = await seedBooking(emma.id, desk(1), 'am');
    const before = await t.app.inject({ method: 'GET', url: url(desk(1)), headers: emma.headers });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({
      desk: desk(1),
      zone: { id: 'dc-botanique-04-B', name: { fr: 'Aile B', nl: 'Vleugel B', en: 'Wing B' } },
      floor: { id: 'dc-botanique-04', name: { en: 'Floor 4' } },
      site: { name: 'Centre administratif Botanique' },
      date: today,
      standing: 'can_check_in',
      booking: { id, slot: 'am', status: 'booked' },
      deadline: '10:00',
      checkedInAt: null,
    });
    const checkIn = await t.app.inject({ method: 'POST', url: url(desk(1)), headers: emma.headers });
    expect(checkIn.statusCode, checkIn.body).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: url(desk(1)), headers: emma.headers })).json();
    expect(after).toMatchObject({ standing: 'checked_in', booking: { id, status: 'checked_in' } });
    expect(Date.parse(after.checkedInAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('says when the booking was released for want of a check-in by its deadline', async () => {
    const late = await makeBooker(t.app);
    await seedBooking(late.id, desk(2), 'pm', 'released');
    const view = (await t.app.inject({ method: 'GET', url: url(desk(2)), headers: late.headers })).json();
    expect(view).toMatchObject({ standing: 'released', deadline: '14:00', booking: { status: 'released' } });
  });

  it("finds no booking of the caller's on a desk someone else booked", async () => {
    const owner = await makeBooker(t.app);
    const other = await makeBooker(t.app);
    await seedBooking(owner.id, desk(3), 'day');
    const view = (await t.app.inject({ method: 'GET', url: url(desk(3)), headers: other.headers })).json();
    expect(view).toMatchObject({ desk: desk(3), standing: 'no_booking', booking: null, deadline: null });
  });

  it('answers 404 naming the desk for a desk that does not exist or was retired', async () => {
    const emma = await makeBooker(t.app);
    await t.app.db.updateTable('workplace_desk').set({ is_retired: 1 }).where('id', '=', desk(4)).execute();
    for (const deskId of ['nowhere-1', desk(4)]) {
      const response = await t.app.inject({ method: 'GET', url: url(deskId), headers: emma.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'workplace.desk_not_found', desk: deskId });
    }
  });
});
