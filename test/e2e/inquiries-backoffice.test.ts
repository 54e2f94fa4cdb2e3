import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, json, login, type Session } from '../../src/test-support/test-app.js';
import {
  AccessibilityReport,
  BROWSER_TEST_TIMEOUT,
  DEMO_PASSWORD,
  expectHeading,
  logIn,
  nav,
  openPage,
  statusText,
  useServerAndBrowser,
} from './support.js';

describe.each(DIALECTS)('%s: the back office', (dialect) => {
  const running = useServerAndBrowser(dialect);
  let agentApi: Session;

  beforeAll(async () => {
    agentApi = await login(running.server.app, 'agent', DEMO_PASSWORD);
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

  it(
    'lets a manager hand several inquiries to another expert and team at once',
    async () => {
      const a11y = new AccessibilityReport(dialect, { strict: true });
      const first = await escalatedCall('Ma friterie ambulante peut-elle reporter ses cotisations du T2 ?');
      const second = await escalatedCall('Ma friterie ambulante a-t-elle droit à la prime de nuisances ?');

      const admin = await login(running.server.app, 'admin', DEMO_PASSWORD);
      const people = await running.server.app.inject({
        url: '/api/v1/directory/people?q=expert2',
        headers: asSession(admin),
      });
      const expert2 = json(people).items.find((p: { username: string }) => p.username === 'expert2');

      const manager = await openPage(running.browser, running.server);
      await logIn(manager.page, 'manager', { language: 'English (EN)' });
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
      a11y.assertClean();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
