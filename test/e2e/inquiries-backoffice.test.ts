import { beforeAll, describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildPerson, buildTeam, type LoggedInPerson } from '../../src/test-support/factories.js';
import { asSession, json, type Session, TEST_PASSWORD } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, nav, statusText, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: the back office', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: false });
  let agentApi: Session;
  let expert2: LoggedInPerson;

  beforeAll(async () => {
    const app = running.server.app;
    agentApi = await buildPerson(app, { roles: ['agent'] });
    await buildPerson(app.db, { username: 'manager', roles: ['manager'], language: 'fr' });
    expert2 = await buildPerson(app, { username: 'expert2', name: 'Sofie Peeters', roles: ['expert'] });
    const expert = await buildPerson(app.db, { username: 'expert', roles: ['expert'] });
    await buildTeam(app, { code: 'audit-externe', members: [expert] });
    await buildTeam(app, { code: 'etudes-juridiques', members: [expert2] });
  });

  /** A call the agent could not answer, sent to a team's queue (set up through the API). */
  const escalatedCall = async (question: string, team = 'audit-externe') => {
    const created = await running.server.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: asSession(agentApi),
      payload: {
        channel: 'phone',
        language: 'fr',
        question,
        requester: { name: 'Claire Lambert', niss: '85073003328', phone: '+32 470 55 44 33' },
      },
    });
    const { ref } = json(created);
    const escalated = await running.server.app.inject({
      method: 'POST',
      url: `/api/v1/inquiries/${ref}/escalate`,
      headers: asSession(agentApi),
      payload: { team, note: 'Vérifier l’affiliation auprès de la caisse.' },
    });
    expect(escalated.statusCode).toBe(204);
    return ref as string;
  };

  browserTest(
    'lets a manager hand several inquiries to another expert and team at once',
    running,
    async ({ a11y, open }) => {
      const first = await escalatedCall('Ma friterie ambulante peut-elle reporter ses cotisations du T2 ?');
      const second = await escalatedCall('Ma friterie ambulante a-t-elle droit à la prime de nuisances ?');

      const manager = await open();
      await logIn(manager.page, 'manager', { language: 'English (EN)', password: TEST_PASSWORD });
      await nav(manager.page, 'Team queues');
      await expectHeading(manager.page, 'Team queues');
      const filters = manager.page.getByRole('search', { name: 'Queue filters' });
      await filters.getByRole('combobox', { name: 'Team' }).selectOption('audit-externe');
      await filters.getByRole('combobox', { name: 'Taken by' }).selectOption('none');
      for (const ref of [first, second]) {
        const box = manager.page.getByRole('checkbox', { name: `Select ${ref}` });
        await expect.poll(() => box.count()).toBe(1);
        await box.check();
      }
      const form = manager.page.getByRole('form', { name: 'Reassign 2 inquiries' });
      await form.getByRole('combobox', { name: 'Person' }).click();
      await manager.page.getByRole('option', { name: expert2.name }).click();
      await form.getByRole('combobox', { name: 'Team' }).selectOption('etudes-juridiques');
      await a11y.check(manager.page, 'queue with two inquiries to reassign');
      await form.getByRole('button', { name: 'Reassign 2 inquiries' }).click();
      await expect.poll(() => statusText(manager.page)).toContain('2 inquiries reassigned.');

      await filters.getByRole('combobox', { name: 'Team' }).selectOption('etudes-juridiques');
      await filters.getByRole('combobox', { name: 'Taken by' }).selectOption('all');
      for (const ref of [first, second]) {
        const moved = manager.page.getByRole('row').filter({ hasText: ref });
        await expect.poll(() => moved.textContent()).toContain(expert2.name);
      }
      expect(manager.problems).toEqual([]);
      await manager.context.close();
    },
    { strict: true },
  );

  browserTest(
    'shows a manager the figures by origin as a chart and as tables, for a period kept in the address',
    running,
    async ({ a11y, open }) => {
      // Two calls today: one for the minister's office.
      for (const origin of ['self_employed', 'minister_office']) {
        const created = await running.server.app.inject({
          method: 'POST',
          url: '/api/v1/inquiries',
          headers: asSession(agentApi),
          payload: { channel: 'email', language: 'fr', question: `Chiffres ${origin}`, origin },
        });
        expect(created.statusCode, created.body).toBe(201);
      }
      const manager = await open();
      await logIn(manager.page, 'manager', { language: 'English (EN)', password: TEST_PASSWORD });
      await nav(manager.page, 'Figures');
      await expectHeading(manager.page, 'Figures');
      const summary = manager.page.getByRole('status').filter({ hasText: /inquir(y|ies) from/ });
      // Days in the reader's words, never as ISO dates (issue 12, point 8).
      await expect
        .poll(() => summary.textContent())
        .toMatch(/^\d+ inquir(y|ies) from \d{1,2} [A-Z][a-z]+ \d{4} to /);
      const chart = manager.page.getByRole('figure', { name: 'Inquiries a day, by origin' });
      await expect.poll(() => chart.locator('svg .recharts-bar-rectangle').count()).toBeGreaterThan(0);
      const byOrigin = manager.page.getByRole('region', { name: 'By origin' });
      const ministerRow = byOrigin.getByRole('row').filter({ hasText: "Minister's office" });
      await expect
        .poll(async () => Number((await ministerRow.getByRole('cell').nth(1).textContent()) ?? 0))
        .toBeGreaterThan(0);
      await chart.getByText('The same figures as a table').click();
      await expect.poll(() => chart.getByRole('table').getByRole('row').count()).toBeGreaterThan(30);
      await a11y.check(manager.page, 'figures with the table open');

      // A period that ends before it starts: said at the field, nothing else shown as figures.
      const period = manager.page.getByRole('search', { name: 'Period' });
      await period.locator('input[name="from"]').fill('2020-03-20');
      await period.locator('input[name="to"]').fill('2020-03-18');
      await period.getByRole('button', { name: 'Show' }).click();
      await expect
        .poll(() => period.getByText('The end of the period comes before its start.').count())
        .toBe(1);
      await expect.poll(() => manager.page.url()).toContain('from=2020-03-20');
      await a11y.check(manager.page, 'figures with a period refused');

      // The crisis week of March 2020: nothing in this test database, every day still listed.
      await period.locator('input[name="from"]').fill('2020-03-16');
      await period.locator('input[name="to"]').fill('2020-03-22');
      await period.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => summary.textContent()).toBe('0 inquiries from 16 March 2020 to 22 March 2020.');
      const download = manager.page.waitForEvent('download');
      await manager.page.getByRole('button', { name: 'Download', exact: true }).click();
      await manager.page.getByRole('menuitem', { name: 'CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('relais-inquiry-figures-2020-03-16-2020-03-22.csv');
      const csv = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(8);
      expect(manager.problems).toEqual([]);
      await manager.context.close();
    },
    { strict: true },
  );
});
