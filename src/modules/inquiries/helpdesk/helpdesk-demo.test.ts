import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { createTestApp, DEMO_PASSWORD, json, login, type TestApp } from '../../../test-support/test-app.js';
import { DEMO_TICKETS_PER_MONTH } from './demo-history.js';

describe.each(DIALECTS)('%s: the helpdesk’s 2020 in the demo', (dialect) => {
  let t: TestApp;
  let seedMs: number;
  beforeAll(async () => {
    const started = performance.now();
    t = await createTestApp(dialect, { seed: 'demo' });
    seedMs = performance.now() - started;
  });
  afterAll(() => t.close());

  const get = async (username: string, url: string) => {
    const session = await login(t.app, username, DEMO_PASSWORD);
    return t.app.inject({ url, headers: { cookie: session.cookie } });
  };

  it('shows the surge: about 600 tickets a month before March 2020, more than 1,000 from March, VPN first in March', async () => {
    const res = await get('ict', '/api/v1/helpdesk/figures?from=2020-01-01&to=2020-12-31');
    expect(res.statusCode).toBe(200);
    const figures = json(res);
    const months = figures.months.map((m: { total: number }) => m.total);
    expect(months).toEqual(DEMO_TICKETS_PER_MONTH);
    expect(months[0]).toBeGreaterThan(550);
    expect(months[1]).toBeLessThan(650);
    for (const month of months.slice(2)) expect(month).toBeGreaterThan(1000);
    const march = figures.months[2].by_category;
    expect(Math.max(...Object.values(march as Record<string, number>))).toBe(march.vpn);
    expect(figures.months[0].by_category.vpn).toBeLessThan(figures.months[0].by_category.software);
    // Most are closed, with their time to resolution; a few of December's are still open.
    expect(figures.resolution.count).toBeGreaterThan(figures.total * 0.95);
    expect(figures.resolution.median_minutes).toBeGreaterThan(0);
    expect(figures.resolution.p90_minutes).toBeGreaterThan(figures.resolution.median_minutes);
    expect(figures.backlog.total).toBeGreaterThan(0);
    expect(figures.backlog.total).toBe(figures.total - figures.resolution.count);
    console.info(`${dialect}: demo seed with the helpdesk's 2020 took ${Math.round(seedMs)} ms`);
  });

  it('keeps the demo’s tickets out of the call center’s lists and figures', async () => {
    const inquiries = json(await get('agent', '/api/v1/inquiries?limit=1'));
    const tickets = json(await get('ict', '/api/v1/helpdesk/tickets?limit=1'));
    expect(tickets.total).toBe(DEMO_TICKETS_PER_MONTH.reduce((a, b) => a + b, 0));
    // The agents' list and the figures hold the call center's 2020 (the demo has no other year),
    // the same inquiries in both, and not one ticket.
    const figures = json(await get('manager', '/api/v1/inquiries/figures?from=2020-01-01&to=2020-12-31'));
    expect(inquiries.total).toBe(figures.total);
    expect(figures.total).toBeLessThan(tickets.total);
    const ticket = tickets.items[0].ref;
    expect(json(await get('agent', `/api/v1/inquiries?q=${ticket}`)).total).toBe(0);
  });

  it('suggests the internal ICT FAQ as an employee types', async () => {
    const res = await get('employee', '/api/v1/knowledge/search?q=vpn%20maison&lang=fr&audience=internal');
    expect(res.statusCode).toBe(200);
    const refs = json(res).results.map((hit: { ref: string }) => hit.ref);
    expect(refs[0]).toBe('FAQ-0151');
    const nl = json(
      await get('employee', '/api/v1/knowledge/search?q=wachtwoord%20verlopen&lang=nl&audience=internal'),
    );
    expect(nl.results[0].ref).toBe('FAQ-0153');
  });
});
