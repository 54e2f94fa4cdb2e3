import { afterAll, beforeAll } from 'vitest';
import { isRole, type Role } from '../platform/auth/roles.js';
import type { Dialect } from '../platform/db/database.js';
import { buildPerson, type LoggedInPerson, type PersonOverrides } from './factories.js';
import { apiSender, createTestApp, type TestApp } from './test-app.js';

type AppOptions = Parameters<typeof createTestApp>[1];

/**
 * The people a test plays: a list of roles (`['agent', 'expert']`: one person each, named by the
 * role), or names with what sets each apart (`{ manager: { language: 'fr' }, expert2: { roles:
 * ['expert'] } }`; a name that is a role and has no `roles` gets that role).
 */
type Cast<K extends string> = readonly (K & Role)[] | Record<K, Omit<PersonOverrides, 'canLogIn'>>;

export type AppUnderTest<K extends string> = TestApp & {
  /** The people asked for, logged in. */
  people: Record<K, LoggedInPerson>;
  /** Calls the API as a logged-in person: `t.send(t.people.agent, 'POST', '/api/v1/inquiries', body)`. */
  send: ReturnType<typeof apiSender>;
};

/**
 * For the enclosing `describe`: an app on a fresh database of `dialect` before its tests, with
 * `as` created and logged in, closed after them. The object is filled in `beforeAll`: read its
 * fields inside hooks and tests, not at the `describe`'s top level.
 *
 * ```ts
 * describe.each(DIALECTS)('%s: team queues', (dialect) => {
 *   const t = withApp(dialect, { as: ['agent', 'expert'] });
 *   it('…', async () => { await t.send(t.people.agent, 'GET', '/api/v1/inquiries'); });
 * });
 * ```
 */
export function withApp<K extends string = never>(
  dialect: Dialect,
  options: AppOptions & { as?: Cast<K> } = {},
): AppUnderTest<K> {
  const { as: cast, ...appOptions } = options;
  const running = {} as AppUnderTest<K>;
  beforeAll(async () => {
    Object.assign(running, await createTestApp(dialect, appOptions));
    running.send = apiSender(running.app);
    const wanted: [string, Omit<PersonOverrides, 'canLogIn'>][] = Array.isArray(cast)
      ? cast.map((role) => [role, { roles: [role] }])
      : Object.entries((cast ?? {}) as Record<string, Omit<PersonOverrides, 'canLogIn'>>);
    const people: Record<string, LoggedInPerson> = {};
    // One after the other: two partner users of one fund would both try to create it.
    for (const [name, overrides] of wanted)
      people[name] = await buildPerson(running.app, {
        // The app's database is its own: the name can be the username (`agent`, `expert2`).
        username: name.toLowerCase(),
        ...overrides,
        roles: overrides.roles ?? (isRole(name) ? [name] : ['employee']),
      });
    running.people = people as Record<K, LoggedInPerson>;
  });
  afterAll(async () => {
    await running.close?.();
  });
  return running;
}
