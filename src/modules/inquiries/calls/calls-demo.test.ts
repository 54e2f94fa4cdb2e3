import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { createTestApp, DEMO_PASSWORD, json, login, type TestApp } from '../../../test-support/test-app.js';

describe.each(DIALECTS)('%s: the call center’s 2020 in the demo', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
  }, 120_000);
  afterAll(() => t.close());

  it('shows the demo manager 43,385 calls in 2020 and 5,634 on 18 March, without choosing a period', async () => {
    const session = await login(t.app, 'manager', DEMO_PASSWORD);
    const response = await t.app.inject({ url: '/api/v1/stats/calls', headers: { cookie: session.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const figures = json(response);
    expect(figures).toMatchObject({ from: '2020-01-01', to: '2020-12-31', by: 'day' });
    expect(figures.totals.received).toBe(43_385);
    expect(figures.rows.find((row: { key: string }) => row.key === '2020-03-18').received).toBe(5_634);
  });
});
