import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { asSession, createTestApp, login, makePerson, type TestApp } from '../../test-support/test-app.js';
import type { Identity } from './identity.js';
import { cachedSession, forgetChanged, readTicket, rememberSession } from './session-cache.js';
import type { ActiveSession } from './sessions.js';

const session = (idHash: string, personId: string, expiresAt: string): ActiveSession => ({
  idHash,
  personId,
  csrfToken: 'csrf',
  lastSeenAt: '2020-03-18T08:00:00.000Z',
  expiresAt,
});
const identity = { id: 'p1', username: 'agent', isActive: true } as Identity;

describe('the session cache', () => {
  const now = Date.parse('2020-03-18T08:00:00.000Z');

  it('keeps a session for the time it is given, and never past the session’s own end', () => {
    rememberSession(session('a', 'p1', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    rememberSession(session('b', 'p1', '2020-03-18T08:00:02.000Z'), identity, 5_000, readTicket(), now);
    expect(cachedSession('a', now + 4_999)?.session.idHash).toBe('a');
    expect(cachedSession('a', now + 5_000)).toBeUndefined();
    expect(cachedSession('b', now + 1_999)?.session.idHash).toBe('b');
    expect(cachedSession('b', now + 2_000)).toBeUndefined();
  });

  it('asks one request past half-time to read the session again, and keeps serving it meanwhile', () => {
    rememberSession(session('r', 'p5', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    expect(cachedSession('r', now + 2_499)?.shouldRefresh).toBe(false);
    expect(cachedSession('r', now + 2_500)?.shouldRefresh).toBe(true);
    expect(cachedSession('r', now + 2_600)).toMatchObject({ shouldRefresh: false });
    // Read again: a fresh half-time.
    rememberSession(
      session('r', 'p5', '2020-03-18T20:00:00.000Z'),
      identity,
      5_000,
      readTicket(),
      now + 2_600,
    );
    expect(cachedSession('r', now + 4_000)?.shouldRefresh).toBe(false);
    expect(cachedSession('r', now + 7_599)?.session.idHash).toBe('r');
  });

  it('keeps nothing when turned off, and forgets every session of a person at once', () => {
    rememberSession(session('c', 'p2', '2020-03-18T20:00:00.000Z'), identity, 0, readTicket(), now);
    expect(cachedSession('c', now)).toBeUndefined();
    rememberSession(session('d', 'p3', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    rememberSession(session('e', 'p3', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    rememberSession(session('f', 'p4', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    forgetChanged({ sessions: [], people: ['p3'] });
    expect(cachedSession('d', now)).toBeUndefined();
    expect(cachedSession('e', now)).toBeUndefined();
    expect(cachedSession('f', now)?.session.personId).toBe('p4');
  });

  it('never stores what a read begun before a change committed found', () => {
    const beforeLogout = readTicket();
    forgetChanged({ sessions: ['g'], people: [] });
    rememberSession(session('g', 'p6', '2020-03-18T20:00:00.000Z'), identity, 5_000, beforeLogout, now);
    expect(cachedSession('g', now)).toBeUndefined();
    const beforeDeactivation = readTicket();
    forgetChanged({ sessions: [], people: ['p7'] });
    rememberSession(session('h', 'p7', '2020-03-18T20:00:00.000Z'), identity, 5_000, beforeDeactivation, now);
    expect(cachedSession('h', now)).toBeUndefined();
    // A read that began after the change reads the committed state: that one may be kept.
    rememberSession(session('h', 'p7', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    expect(cachedSession('h', now)?.session.idHash).toBe('h');
  });

  it('still refuses a read begun before a change once it has forgotten which sessions changed', () => {
    const ticket = readTicket();
    forgetChanged({ sessions: ['j'], people: [] });
    // Enough other changes to make it drop its marks (bounded memory).
    for (let i = 0; i < 10_001; i++) forgetChanged({ sessions: [`other-${i}`], people: [] });
    rememberSession(session('j', 'p10', '2020-03-18T20:00:00.000Z'), identity, 5_000, ticket, now);
    expect(cachedSession('j', now)).toBeUndefined();
    rememberSession(session('j', 'p10', '2020-03-18T20:00:00.000Z'), identity, 5_000, readTicket(), now);
    expect(cachedSession('j', now)?.session.idHash).toBe('j');
  });

  it('keeps nothing a read found after a change to someone else forgets', () => {
    const ticket = readTicket();
    forgetChanged({ sessions: ['other'], people: ['p9'] });
    rememberSession(session('i', 'p8', '2020-03-18T20:00:00.000Z'), identity, 5_000, ticket, now);
    expect(cachedSession('i', now)?.session.idHash).toBe('i');
  });
});

describe.each(DIALECTS)('%s: a session checked moments ago', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const get = (url: string, who: Awaited<ReturnType<typeof login>>) =>
    t.app.inject({ url, headers: asSession(who) }).then((response) => response.statusCode);

  it('loses a right taken away at once, not after the cache’s delay', async () => {
    const admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
    const person = await makePerson(t.app, { roles: ['agent'] });
    const agent = await login(t.app, person.username);
    expect(await get('/api/v1/inquiries', agent)).toBe(200);
    const demoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${person.id}`,
      headers: asSession(admin),
      payload: { roles: ['employee'] },
    });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(await get('/api/v1/inquiries', agent)).toBe(403);
  });

  it('speaks the language a person just chose, at the next request', async () => {
    const agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
    const ask = () =>
      t.app
        .inject({ url: '/api/v1/inquiries/Q-2020-999999', headers: asSession(agent) })
        .then((r) => r.json());
    const before = await ask();
    const chosen = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: asSession(agent),
      payload: { language: 'nl' },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const after = await ask();
    expect(after.code).toBe(before.code);
    expect(after.title).not.toBe(before.title);
    expect((await t.app.inject({ url: '/api/v1/me', headers: asSession(agent) })).json().language).toBe('nl');
  });

  it('ends at once on logout, and on deactivation', async () => {
    const admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
    const first = await makePerson(t.app, { roles: ['agent'] });
    const leaving = await login(t.app, first.username);
    expect(await get('/api/v1/me', leaving)).toBe(200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: asSession(leaving),
    });
    expect(logout.statusCode).toBe(204);
    expect(await get('/api/v1/me', leaving)).toBe(401);

    const second = await makePerson(t.app, { roles: ['agent'] });
    const deactivated = await login(t.app, second.username);
    expect(await get('/api/v1/me', deactivated)).toBe(200);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${second.id}`,
      headers: asSession(admin),
      payload: { isActive: false },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(await get('/api/v1/me', deactivated)).toBe(401);
  });
});
