import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { brusselsDay } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import {
  activeBookingsOf,
  blockedDesks,
  bookDeskFor,
  cancelBookingFor,
  hasBookingOn,
  sitesWithDesks,
} from './index.js';

describe.each(DIALECTS)('%s: what workplace offers other modules', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadTestBuilding(t.app, 'o');
  });
  afterAll(() => t.close());

  it('books a desk on a person behalf under the rules, and tells whether they have one that day', async () => {
    const person = await makeBooker(t.app);
    const [day, other] = nextOpenDays(2) as [string, string];
    const booking = await bookDeskFor(
      t.app.db,
      CLI_ACTOR,
      person.id,
      { desk: 'o-botanique-03-C-001', date: day, slot: 'day' },
      brusselsDay(),
    );
    expect(booking).toMatchObject({ person: { id: person.id }, date: day, status: 'booked' });
    expect(await hasBookingOn(t.app.db, person.id, day)).toBe(true);
    expect(await hasBookingOn(t.app.db, person.id, other)).toBe(false);
    const refusal = await bookDeskFor(
      t.app.db,
      CLI_ACTOR,
      person.id,
      { desk: 'o-botanique-03-C-002', date: day, slot: 'am' },
      brusselsDay(),
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).params.reason).toBe('person_already_booked');
  });

  it("lists a person's active bookings of a period and cancels one on their behalf, not someone else's", async () => {
    const person = await makeBooker(t.app);
    const other = await makeBooker(t.app);
    const [day, next] = nextOpenDays(3).slice(1) as [string, string];
    const booking = await bookDeskFor(
      t.app.db,
      CLI_ACTOR,
      person.id,
      { desk: 'o-botanique-05-B-001', date: day, slot: 'am' },
      brusselsDay(),
    );
    expect((await activeBookingsOf(t.app.db, person.id, day, next)).map((b) => b.id)).toEqual([booking.id]);
    const refusal = await cancelBookingFor(t.app.db, CLI_ACTOR, other.id, booking.id).catch(
      (e: unknown) => e,
    );
    expect((refusal as AppError).code).toBe('workplace.not_your_booking');
    expect(await cancelBookingFor(t.app.db, CLI_ACTOR, person.id, booking.id)).toMatchObject({
      status: 'cancelled',
    });
    expect(await activeBookingsOf(t.app.db, person.id, day, next)).toEqual([]);
  });

  it('lists the blocked desks with their reason', async () => {
    await t.app.db
      .updateTable('workplace_desk')
      .set({ is_blocked: 1, blocked_reason: 'distancing' })
      .where('id', '=', 'o-botanique-04-A-002')
      .execute();
    expect(await blockedDesks(t.app.db)).toEqual([{ desk: 'o-botanique-04-A-002', reason: 'distancing' }]);
  });

  it('lists each site with the desks of its plan, leaving out the desks no longer in it', async () => {
    await t.app.db
      .updateTable('workplace_desk')
      .set({ is_retired: 1 })
      .where('id', '=', 'o-botanique-05-C-040')
      .execute();
    const [site] = await sitesWithDesks(t.app.db);
    expect(site).toMatchObject({ site: 'o-botanique' });
    expect(site!.desks).toHaveLength(359);
    expect(site!.desks).toContain('o-botanique-03-A-001');
    expect(site!.desks).not.toContain('o-botanique-05-C-040');
  });
});
