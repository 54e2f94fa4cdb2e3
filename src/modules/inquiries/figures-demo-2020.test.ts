import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, DEMO_PASSWORD, json, login, type TestApp } from '../../test-support/test-app.js';
import { CHANNELS, FIGURES_TABLES, ORIGINS } from './contract.js';

// Issue 16, points 4 and 5: the demo's 2020 as management reads it, every table downloadable.
describe.each(DIALECTS)('%s: the call center’s 2020 in the demo’s figures', (dialect) => {
  let t: TestApp;
  let cookie: string;
  let seedMs: number;
  beforeAll(async () => {
    const started = performance.now();
    t = await createTestApp(dialect, { seed: 'demo' });
    seedMs = performance.now() - started;
    cookie = (await login(t.app, 'manager', DEMO_PASSWORD)).cookie;
  }, 120_000);
  afterAll(() => t?.close());
  const get = (url: string) => t.app.inject({ url, headers: { cookie } });
  const YEAR_2020 = '/api/v1/inquiries/figures?from=2020-01-01&to=2020-12-31';

  it('shows a few thousand inquiries of 2020 from every channel and origin, mostly closed, the crisis peaking in March', async () => {
    const response = await get(YEAR_2020);
    expect(response.statusCode, response.body).toBe(200);
    const figures = json(response);
    expect(figures.total).toBeGreaterThan(3000);
    expect(figures.total).toBeLessThan(4000);
    for (const channel of CHANNELS) expect(figures.by_channel[channel], channel).toBeGreaterThan(0);
    for (const origin of ORIGINS) expect(figures.by_origin[origin], origin).toBeGreaterThan(0);
    expect(figures.by_status.closed).toBeGreaterThan(figures.total * 0.95);
    expect(figures.by_status.closed).toBeLessThan(figures.total);
    // The crisis line opened on Monday 16 March: phone inquiries from that day on, mail from May.
    const days = new Map<string, number>(
      figures.days.map((d: { day: string; total: number }) => [d.day, d.total]),
    );
    expect(days.get('2020-03-18')).toBeGreaterThan(Math.max(...[...days.values()].slice(0, 60)) * 5);
    const early = json(await get('/api/v1/inquiries/figures?from=2020-01-01&to=2020-03-15'));
    expect(early.by_channel.phone).toBe(0);
    expect(early.by_channel.email).toBe(0);
    expect(early.total).toBeGreaterThan(0);
    console.info(`${dialect}: demo seed with the call center's 2020 took ${Math.round(seedMs)} ms`);
  });

  it('counts by FAQ theme with the theme’s names, the backlog per team, escalations answered in time or not, and the callbacks done and pending', async () => {
    const figures = json(await get(YEAR_2020));
    const passerelle = figures.by_theme.find((theme: { code: string }) => theme.code === 'droit-passerelle');
    expect(passerelle).toMatchObject({ name_fr: 'Droit passerelle', name_nl: 'Overbruggingsrecht' });
    expect(figures.by_theme[0]).toBe(passerelle);
    expect(figures.by_theme.length).toBeGreaterThan(5);
    expect(
      figures.by_theme.every(
        (theme: { code: string | null; name_fr: string | null }) => !theme.code || theme.name_fr,
      ),
    ).toBe(true);
    expect(figures.by_theme.reduce((sum: number, theme: { count: number }) => sum + theme.count, 0)).toBe(
      figures.total,
    );

    const teams = figures.by_team.filter((team: { code: string | null }) => team.code);
    expect(teams.map((team: { code: string }) => team.code).sort()).toEqual([
      'audit-externe',
      'etudes-juridiques',
      'expertiz',
    ]);
    const open = figures.total - figures.by_status.closed;
    expect(figures.by_team.reduce((sum: number, team: { open: number }) => sum + team.open, 0)).toBe(open);
    expect(teams.some((team: { open: number }) => team.open > 0)).toBe(true);
    for (const level of figures.service_levels) expect(level.first_answer.measured).toBeGreaterThan(0);
    expect(figures.times.first_answer.count).toBeGreaterThan(figures.total * 0.95);

    expect(figures.callbacks.done).toBeGreaterThan(100);
    expect(figures.callbacks.pending).toBeGreaterThan(0);
    // Pending since December 2020: overdue by now.
    expect(figures.callbacks.overdue).toBe(figures.callbacks.pending);
    const march = json(await get('/api/v1/inquiries/figures?from=2020-03-01&to=2020-03-31'));
    expect(march.callbacks.pending).toBe(0);
    expect(march.callbacks.done).toBeGreaterThan(0);
  });

  it('downloads every table of the figures as CSV and Excel, with the figures the page shows', async () => {
    const figures = json(await get(YEAR_2020));
    for (const table of FIGURES_TABLES) {
      const csv = await get(`${YEAR_2020}&format=csv&table=${table}`);
      expect(csv.statusCode, `${table}: ${csv.body}`).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toContain('2020-01-01-2020-12-31');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .split(/\r\n/)
        .filter(Boolean);
      expect(lines.length, table).toBeGreaterThan(1);
      const xlsx = await get(`${YEAR_2020}&format=xlsx&table=${table}`);
      expect(xlsx.statusCode, table).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    const channels = (await get(`${YEAR_2020}&format=csv&table=channels`)).body;
    expect(channels).toContain(`${figures.by_channel.social}`);
    const themes = (await get(`${YEAR_2020}&format=csv&table=themes`)).body;
    expect(themes).toContain('Droit passerelle');
    const callbacks = (await get(`${YEAR_2020}&format=csv&table=callbacks`)).body.split(/\r\n/);
    expect(callbacks.some((line) => line.includes(String(figures.callbacks.done)))).toBe(true);
  });
});
