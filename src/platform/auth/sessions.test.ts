import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  json,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../../test-support/test-app.js';
import { addMinutes, nowInstant } from '../db/time.js';
import { hashSecret } from './secrets.js';
import { findActiveSession } from './sessions.js';
import type { AuthTables } from './tables.js';

// createTestApp uses the defaults: 120 idle minutes, 12 hours at most.
const policy = { idleMinutes: 120, maxHours: 12 };

describe.each(DIALECTS)('%s: sessions', (dialect) => {
  let t: TestApp;
  let db: Kysely<AuthTables>;

  const secretOf = (session: Session) => session.cookie.slice('relais_session='.length);
  const rowOf = (session: Session) =>
    db
      .selectFrom('auth_session')
      .selectAll()
      .where('id_hash', '=', hashSecret(secretOf(session)))
      .executeTakeFirstOrThrow();
  const ageSession = (session: Session, set: Partial<AuthTables['auth_session']>) =>
    db
      .updateTable('auth_session')
      .set(set)
      .where('id_hash', '=', hashSecret(secretOf(session)))
      .execute();
  const me = (session: Session) => t.app.inject({ url: '/api/v1/me', headers: { cookie: session.cookie } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    db = t.app.db as Kysely<AuthTables>;
  });
  afterAll(() => t.close());

  it('stores only a hash of the session secret', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    const row = await rowOf(session);
    expect(row.id_hash).not.toBe(secretOf(session));
    expect(JSON.stringify(row)).not.toContain(secretOf(session));
    expect(row.method).toBe('password');
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    await ageSession(session, { last_seen_at: addMinutes(nowInstant(), -(policy.idleMinutes + 1)) });
    const response = await me(session);
    expect(response.statusCode).toBe(401);
    expect(json(response).code).toBe('http.unauthorized');
  });

  it('keeps a session in use alive, recording when it was last seen', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    const lastSeen = addMinutes(nowInstant(), -(policy.idleMinutes - 5));
    await ageSession(session, { last_seen_at: lastSeen });
    expect((await me(session)).statusCode).toBe(200);
    expect((await rowOf(session)).last_seen_at > lastSeen).toBe(true);
  });

  it('ends a session at its absolute expiry, however active', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    const row = await rowOf(session);
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(policy.maxHours * 3600_000);
    await ageSession(session, { expires_at: addMinutes(nowInstant(), -1), last_seen_at: nowInstant() });
    expect((await me(session)).statusCode).toBe(401);
  });

  it('judges idle and absolute expiry against the time it is given', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    const row = await rowOf(session);
    const secret = secretOf(session);
    const justIdle = addMinutes(row.last_seen_at, policy.idleMinutes);
    expect(await findActiveSession(db, secret, policy, addMinutes(justIdle, -1))).toBeDefined();
    expect(await findActiveSession(db, secret, policy, justIdle)).toBeUndefined();
    await ageSession(session, { last_seen_at: addMinutes(row.expires_at, -1) });
    expect(await findActiveSession(db, secret, policy, addMinutes(row.expires_at, -0.5))).toBeDefined();
    expect(await findActiveSession(db, secret, policy, row.expires_at)).toBeUndefined();
    expect(await findActiveSession(db, 'not-a-session', policy)).toBeUndefined();
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const session = await login(t.app, (await makePerson(t.app)).username);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: asSession(session),
    });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'relais_session');
    expect(cleared?.value).toBe('');
    expect((await rowOf(session)).revoked_at).not.toBeNull();
    // The old cookie, replayed, opens nothing.
    expect((await me(session)).statusCode).toBe(401);
  });

  it('logs out everywhere: every session of the person ends, other people keep theirs', async () => {
    const person = await makePerson(t.app);
    const [laptop, phone, kiosk] = [
      await login(t.app, person.username),
      await login(t.app, person.username),
      await login(t.app, person.username),
    ];
    const colleague = await login(t.app, (await makePerson(t.app)).username);

    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-everywhere',
      headers: asSession(phone),
    });
    expect(response.statusCode).toBe(200);
    expect(json(response)).toEqual({ revoked: 3 });
    for (const session of [laptop, phone, kiosk]) expect((await me(session)).statusCode).toBe(401);
    expect((await me(colleague)).statusCode).toBe(200);
  });

  it('ends every session of a person whose password an admin changes, or whom an admin disables', async () => {
    const admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
    const person = await makePerson(t.app);
    const session = await login(t.app, person.username);
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${person.id}`,
      headers: asSession(admin),
      payload: { password: 'a-brand-new-password' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);

    const again = await login(t.app, person.username, 'a-brand-new-password');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/directory/people/${person.id}`,
      headers: asSession(admin),
      payload: { isActive: false },
    });
    expect((await me(again)).statusCode).toBe(401);
  });
});
