import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { pageText, readPdfText } from '../../test-support/pdf-text.js';
import { apiSender, createTestApp, DEMO_PASSWORD, login, type TestApp } from '../../test-support/test-app.js';

// After `npm start`, the telework screens show something real: Marc Manager has requests to decide,
// Emma Employee may ask for her first agreement, and a signed agreement prints with its signatures.

describe.each(DIALECTS)('%s: telework demo', (dialect) => {
  let t: TestApp;
  let send: ReturnType<typeof apiSender>;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    send = apiSender(t.app);
  });
  afterAll(() => t.close());

  it('gives the manager requests to decide first, and agreements of every regime', async () => {
    const marc = await login(t.app, 'manager', DEMO_PASSWORD);
    const team = (await send(marc, 'GET', '/api/v1/telework/agreements?scope=team&limit=500')).json();
    expect(team.total).toBeGreaterThan(50);
    expect(team.items[0].status).toMatch(/requested|awaiting_signatures/);
    const regimes = new Set(team.items.map((a: { regime: string }) => a.regime));
    expect([...regimes].sort()).toEqual(['mixed', 'occasional', 'structural']);
    const statuses = new Set(team.items.map((a: { status: string }) => a.status));
    for (const status of ['requested', 'awaiting_signatures', 'approved']) expect(statuses).toContain(status);
  });

  it('lets Emma ask for her first agreement, and keeps logistics at the office', async () => {
    const emma = await login(t.app, 'employee', DEMO_PASSWORD);
    expect((await send(emma, 'GET', '/api/v1/telework/eligibility')).json()).toMatchObject({
      eligible: true,
      weeklyCapDays: 3,
    });
    expect((await send(emma, 'GET', '/api/v1/telework/agreements')).json().total).toBe(0);
    const fabrice = await login(t.app, 'facility', DEMO_PASSWORD);
    expect((await send(fabrice, 'GET', '/api/v1/telework/eligibility')).json()).toMatchObject({
      eligible: false,
      reason: 'telework.function_not_teleworkable',
    });
  });

  it('prints a signed demo agreement with both signatures', async () => {
    const eva = await login(t.app, 'expert', DEMO_PASSWORD);
    const [mine] = (await send(eva, 'GET', '/api/v1/telework/agreements')).json().items;
    expect(mine).toMatchObject({ status: 'approved', regime: 'structural', daysPerWeek: 2 });
    expect(mine.signedDigest).toMatch(/^[0-9a-f]{64}$/);
    const pdf = readPdfText(
      (await send(eva, 'GET', `/api/v1/telework/agreements/${mine.id}/pdf`)).rawPayload,
    );
    const text = Array.from({ length: pdf.pageCount }, (_, i) => pageText(pdf, i + 1)).join(' ');
    expect(text).toContain('Ondertekend in Relais door Eva Expert');
    expect(text).toContain('Ondertekend in Relais door Marc Manager');
    expect(text).toContain(mine.signedDigest);
  });
});
