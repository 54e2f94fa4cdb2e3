import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { createTestDatabase } from '../test-support/databases.js';
import { buildApp } from './app.js';

/** Builds the app, adds one more API route, and starts it: what a module with that route would do. */
async function startWith(addRoute: (app: Awaited<ReturnType<typeof buildApp>>) => void) {
  const database = await createTestDatabase('sqlite');
  const config = loadConfig({ RELAIS_DATA_DIR: '/tmp/relais-test-data', RELAIS_LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, logger: false });
  try {
    addRoute(app);
    await app.ready();
  } finally {
    await app.close();
    await database.close();
  }
}

describe('the server refuses to start a route whose answer is not described', () => {
  it('refuses an API route without a response schema, naming the route', async () => {
    await expect(
      startWith((app) =>
        app.get('/api/v1/untyped', { config: { access: 'public' } }, async () => ({ secret: 'NISS' })),
      ),
    ).rejects.toThrow('Route GET /api/v1/untyped declares no successful answer');
  });

  it('refuses an API route whose JSON answer is unknown', async () => {
    await expect(
      startWith((app) =>
        app.get(
          '/api/v1/unknown',
          { schema: { response: { 200: Type.Unknown() } }, config: { access: 'public' } },
          async () => ({}),
        ),
      ),
    ).rejects.toThrow('Route GET /api/v1/unknown answers 200 without a schema');
  });

  it('starts an API route whose answer is typed', async () => {
    await expect(
      startWith((app) =>
        app.get(
          '/api/v1/typed',
          {
            schema: { response: { 200: Type.Object({ ok: Type.Boolean() }) } },
            config: { access: 'public' },
          },
          async () => ({ ok: true }),
        ),
      ),
    ).resolves.toBeUndefined();
  });
});
