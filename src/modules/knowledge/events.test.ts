import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPerson } from '../../test-support/factories.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

describe.each(DIALECTS)('%s: live notices and shutdown', (dialect) => {
  let t: TestApp;
  let isClosed = false;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    if (!isClosed) await t.close();
  });

  it('ends the open event streams when the server stops, so a restart never waits on agents’ browsers', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const agent = await buildPerson(t.app, { roles: ['agent'] });
    const stream = await fetch(`${address}/api/v1/knowledge/events`, {
      headers: { cookie: agent.cookie, accept: 'text/event-stream' },
    });
    const reader = stream.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry:');

    const started = Date.now();
    await t.close();
    isClosed = true;
    expect(Date.now() - started).toBeLessThan(3000);
    // The browser sees its stream end (and reconnects to whichever instance answers next).
    expect((await reader.read()).done).toBe(true);
  });
});
