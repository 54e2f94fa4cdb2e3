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
import type { AuthTables } from './tables.js';

type Answer = { startedAt: number; status: number };

/**
 * Keeps `concurrency` requests in flight on a session, runs `change` once some have answered,
 * and goes on a little after it returned; gives every answer with the moment its request started.
 */
async function burstAround(
  fire: () => Promise<number>,
  change: () => Promise<void>,
  concurrency = 16,
): Promise<{ answers: Answer[]; changedAt: number }> {
  const answers: Answer[] = [];
  let isRunning = true;
  const worker = async () => {
    while (isRunning) {
      const startedAt = performance.now();
      answers.push({ startedAt, status: await fire() });
      // An answer from the cache never leaves the microtask queue: let timers and I/O run.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  while (answers.length < concurrency * 2) await new Promise((resolve) => setTimeout(resolve, 1));
  await change();
  const changedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 150));
  isRunning = false;
  await Promise.all(workers);
  return { answers, changedAt };
}

const ROUNDS = 4;

describe.each(DIALECTS)('%s: a session revoked under a burst of requests', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    // The cache's default time (5 s) is what let a revoked session answer for seconds.
    t = await createTestApp(dialect, { env: { RELAIS_SESSION_CACHE_SECONDS: '5' } });
    admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
  });
  afterAll(() => t.close());

  const status = (session: Session, url: string) => () =>
    t.app.inject({ url, headers: asSession(session) }).then((response) => response.statusCode);
  const post = async (session: Session, url: string, payload?: object) => {
    const response = await t.app.inject({
      method: 'POST',
      url,
      headers: asSession(session),
      ...(payload && { payload }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
  };

  /** No request that started after the change returned may be answered as the person. */
  const expectShutOut = ({ answers, changedAt }: { answers: Answer[]; changedAt: number }) => {
    const later = answers.filter((a) => a.startedAt > changedAt);
    expect(later.length).toBeGreaterThan(0);
    expect(later.filter((a) => a.status !== 401)).toEqual([]);
    // The burst did run on the live session before the change.
    expect(answers.some((a) => a.status === 200 && a.startedAt < changedAt)).toBe(true);
  };

  it('refuses every request that starts after a logout answered', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
      expectShutOut(await burstAround(status(agent, '/api/v1/me'), () => post(agent, '/api/v1/auth/logout')));
    }
  });

  it('refuses every request on any of the person’s sessions after "log out everywhere" answered', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { username } = await makePerson(t.app, { roles: ['agent'] });
      const [here, elsewhere] = [await login(t.app, username), await login(t.app, username)];
      let turn = 0;
      const either = () => status(turn++ % 2 ? here : elsewhere, '/api/v1/inquiries')();
      expectShutOut(await burstAround(either, () => post(here, '/api/v1/auth/logout-everywhere')));
    }
  });

  it('refuses every request that starts after a deactivation answered', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const person = await makePerson(t.app, { roles: ['agent'] });
      const agent = await login(t.app, person.username);
      const deactivate = async () => {
        const response = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/directory/people/${person.id}`,
          headers: asSession(admin),
          payload: { isActive: false },
        });
        expect(response.statusCode, response.body).toBe(200);
      };
      expectShutOut(await burstAround(status(agent, '/api/v1/inquiries'), deactivate));
    }
  });
});

describe.each(DIALECTS)('%s: a session ended by another instance', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // Two seconds: the background refresh starts past one.
    t = await createTestApp(dialect, { env: { RELAIS_SESSION_CACHE_SECONDS: '2' } });
  });
  afterAll(() => t.close());

  it('is refused as soon as the background refresh has found it ended, not when the cache entry runs out', async () => {
    const agent = await login(t.app, (await makePerson(t.app, { roles: ['agent'] })).username);
    const me = () => t.app.inject({ url: '/api/v1/me', headers: asSession(agent) });
    expect((await me()).statusCode).toBe(200);
    // What a logout on another instance does: the row changes, this instance's cache is not told.
    await (t.app.db as Kysely<AuthTables>)
      .updateTable('auth_session')
      .set({ revoked_at: new Date().toISOString() })
      .where('revoked_at', 'is', null)
      .where('person_id', '=', json(await me()).id)
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Past half-time: still answered from the cache, while it is read again in the background.
    await me();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await me()).statusCode).toBe(401);
  });
});

describe.each(DIALECTS)('%s: a request that read the session just before it was ended', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { RELAIS_SESSION_CACHE_SECONDS: '5' } });
    admin = await login(t.app, (await makePerson(t.app, { roles: ['admin'] })).username);
  });
  afterAll(() => t.close());

  /**
   * Holds one request between its read of the person and its answer, runs `change` meanwhile, then
   * lets it go: the order a loaded database produces by chance, made certain.
   */
  async function readThenChange(personId: string, session: Session, change: () => Promise<void>) {
    const identities = t.app.identities;
    const original = identities.findById;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached = () => {};
    const hasRead = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let isHolding = true;
    identities.findById = async (db, id) => {
      const found = await original(db, id);
      if (isHolding && id === personId) {
        isHolding = false;
        reached();
        await held;
      }
      return found;
    };
    try {
      const early = t.app.inject({ url: '/api/v1/me', headers: asSession(session) });
      await hasRead;
      await change();
      release();
      // Started before the change: it may still answer.
      expect((await early).statusCode).toBe(200);
    } finally {
      identities.findById = original;
    }
    return (await t.app.inject({ url: '/api/v1/me', headers: asSession(session) })).statusCode;
  }

  it('does not let it keep the session alive after a logout', async () => {
    const person = await makePerson(t.app, { roles: ['agent'] });
    const agent = await login(t.app, person.username);
    const after = await readThenChange(person.id, agent, () => post204(t, agent, '/api/v1/auth/logout'));
    expect(after).toBe(401);
  });

  it('does not let it keep the session alive after a deactivation', async () => {
    const person = await makePerson(t.app, { roles: ['agent'] });
    const agent = await login(t.app, person.username);
    const after = await readThenChange(person.id, agent, async () => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/directory/people/${person.id}`,
        headers: asSession(admin),
        payload: { isActive: false },
      });
      expect(response.statusCode, response.body).toBe(200);
    });
    expect(after).toBe(401);
  });

  it('does not let it keep the old roles after a demotion', async () => {
    const person = await makePerson(t.app, { roles: ['agent'] });
    const agent = await login(t.app, person.username);
    await readThenChange(person.id, agent, async () => {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/directory/people/${person.id}`,
        headers: asSession(admin),
        payload: { roles: ['employee'] },
      });
      expect(response.statusCode, response.body).toBe(200);
    });
    const inquiries = await t.app.inject({ url: '/api/v1/inquiries', headers: asSession(agent) });
    expect(inquiries.statusCode).toBe(403);
  });
});

async function post204(t: TestApp, session: Session, url: string) {
  const response = await t.app.inject({ method: 'POST', url, headers: asSession(session) });
  expect(response.statusCode, response.body).toBe(204);
}
