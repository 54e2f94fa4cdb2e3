import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createPerson } from '../modules/directory/index.js';
import { CLI_ACTOR } from '../platform/audit/audit.js';
import type { Role } from '../platform/auth/roles.js';
import { loadConfig } from '../platform/config.js';
import type { Dialect } from '../platform/db/database.js';
import { buildApp } from '../server/app.js';
import { seedDemo } from '../server/demo-seed.js';
import { createTestDatabase } from './databases.js';

export const TEST_PASSWORD = 'test-password-1';
/** Every demo account's password (the demo seed's own constant). */
export { DEMO_PASSWORD } from '../modules/directory/demo-seed.js';

export type TestApp = {
  app: FastifyInstance;
  dialect: Dialect;
  close(): Promise<void>;
};

/** An app on a fresh database of the dialect; `seed: 'demo'` loads the demo institution; `env` adds configuration. */
export async function createTestApp(
  dialect: Dialect,
  options: {
    seed?: 'demo';
    webRoot?: string;
    env?: Record<string, string>;
    /** Replaces the measured load signal of load shedding (by default: never under pressure). */
    isUnderPressure?: () => boolean;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  if (options.seed === 'demo') await seedDemo(database.db);
  const config = loadConfig({
    RELAIS_DATA_DIR: '/tmp/relais-test-data',
    RELAIS_DEFAULT_LANGUAGE: 'en',
    RELAIS_LOG_LEVEL: 'silent',
    // Tests play many people from one address (127.0.0.1): no per-address limits unless a test
    // sets them (platform/http/crowd-control.test.ts does).
    RELAIS_RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    RELAIS_RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    RELAIS_PUBLIC_QUESTIONS_PER_WINDOW: '0',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database,
    logger: false,
    ...(options.webRoot && { webRoot: options.webRoot }),
    // Never under pressure unless a test says so: a slow shared machine must not shed a test's requests.
    isUnderPressure: options.isUnderPressure ?? (() => false),
  });
  await app.ready();
  return {
    app,
    dialect,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let counter = 0;

/** Creates a person with the given roles (and a password) through the directory's own use case. */
export async function makePerson(
  app: FastifyInstance,
  overrides: {
    roles?: Role[];
    partner?: string | null;
    username?: string;
    language?: 'fr' | 'nl' | 'en';
    /** The username of the person's manager. */
    manager?: string;
  } = {},
) {
  counter += 1;
  const username = overrides.username ?? `person${counter}-${Math.random().toString(36).slice(2, 7)}`;
  return createPerson(
    app.db,
    CLI_ACTOR,
    {
      username,
      name: `Test ${username}`,
      email: `${username}@example.org`,
      roles: overrides.roles ?? ['employee'],
      partner: overrides.partner ?? null,
      language: overrides.language ?? 'en',
      ...(overrides.manager && { manager: overrides.manager }),
      password: TEST_PASSWORD,
    },
    'en',
  );
}

export type Session = { cookie: string; csrfToken: string; username: string };

/** Logs in through the API, as the browser does. */
export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  // `__Host-relais_session` when the app is configured for https (session-cookie.ts).
  const cookie = response.cookies.find((c) => c.name.endsWith('relais_session'));
  return { cookie: `${cookie!.name}=${cookie!.value}`, csrfToken: response.json().csrfToken, username };
}

/** Headers for a cookie-authenticated request (CSRF token included, as the web app sends it). */
export const asSession = (session: Session, extra: Record<string, string> = {}) => ({
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  ...extra,
});

export const json = <T = any>(response: LightMyRequestResponse): T => response.json() as T;

/** Calls the API as a logged-in person: `send(agent, 'POST', '/api/v1/inquiries', body)`. */
export const apiSender =
  (app: FastifyInstance) =>
  (session: Session, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: asSession(session), ...(payload && { payload }) });
