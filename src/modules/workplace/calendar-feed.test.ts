import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../platform/auth/secrets.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';

describe.each(DIALECTS)('%s: a private, revocable calendar feed of my bookings', (dialect) => {
  let t: TestApp;
  const [first, second] = nextOpenDays(2) as [string, string];
  const desk = (n: number) => `c-botanique-05-B-${String(n).padStart(3, '0')}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadTestBuilding(t.app, 'c');
  });
  afterAll(() => t.close());

  it('creates a secret URL, serves the bookings as iCalendar, and answers 404 once revoked', async () => {
    const person = await makeBooker(t.app, ['employee'], null, 'fr');
    const book = (deskId: string, date: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/workplace/bookings',
        headers: person.headers,
        payload: { desk: deskId, date, slot: 'am' },
      });
    const kept = await book(desk(1), first);
    expect(kept.statusCode, kept.body).toBe(201);
    const dropped = (await book(desk(10), second)).json().id as string;
    const cancel = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/workplace/bookings/${dropped}`,
      headers: person.headers,
    });
    expect(cancel.statusCode, cancel.body).toBeLessThan(300);

    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/workplace/calendar-feed' });
    expect(anonymous.statusCode).toBe(401);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/calendar-feed',
      headers: person.headers,
    });
    expect(created.statusCode, created.body).toBe(200);
    const { url } = created.json() as { url: string };
    const path = new URL(url).pathname;
    expect(path).toMatch(/^\/api\/v1\/workplace\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = path.slice('/api/v1/workplace/calendar/'.length, -'.ics'.length);
    // Only the token's hash is stored.
    const stored = await t.app.db
      .selectFrom('workplace_calendar_feed')
      .select(['token_hash'])
      .where('person_id', '=', person.id)
      .execute();
    expect(stored).toEqual([{ token_hash: hashSecret(token) }]);

    const feed = await t.app.inject({ url: path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = feed.body;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`UID:${kept.json().id}@relais.workplace\r\n`);
    expect(ics).toContain(`DTSTART;TZID=Europe/Brussels:${first.replace(/-/g, '')}T080000\r\n`);
    expect(ics).toContain(`DTEND;TZID=Europe/Brussels:${first.replace(/-/g, '')}T123000\r\n`);
    expect(ics).toContain(`SUMMARY:Bureau ${desk(1)}\\,`);
    expect(ics).toContain(`UID:${dropped}@relais.workplace\r\n`);
    expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(1);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

    // A new URL replaces the old one.
    const renewed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workplace/calendar-feed',
      headers: person.headers,
    });
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    const renewedPath = new URL(renewed.json().url).pathname;
    expect((await t.app.inject({ url: renewedPath })).statusCode).toBe(200);

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/workplace/calendar-feed',
      headers: person.headers,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ url: renewedPath })).statusCode).toBe(404);
    const again = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/workplace/calendar-feed',
      headers: person.headers,
    });
    expect(again.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/workplace/calendar/unknown.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/workplace/calendar/bad%20token.ics' })).statusCode).toBe(400);

    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('actor_id', '=', person.id)
      .where('action', 'like', 'workplace.calendar_feed_%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'workplace.calendar_feed_created',
      'workplace.calendar_feed_created',
      'workplace.calendar_feed_revoked',
    ]);
  });
});
