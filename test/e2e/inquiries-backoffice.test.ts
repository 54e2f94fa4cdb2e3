import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, json, login, type Session } from '../../src/test-support/test-app.js';
import {
  AccessibilityReport,
  BROWSER_TEST_TIMEOUT,
  DEMO_PASSWORD,
  expectHeading,
  logIn,
  openPage,
  useServerAndBrowser,
} from './support.js';

// Words no demo inquiry uses, so each screen's row for this walk is found by them alone.
const QUESTION = 'Mon solarium mobile a-t-il droit au droit passerelle de crise pour mars 2020 ?';
const FUND_QUESTION =
  'Le solarium mobile était-il affilié comme indépendant à titre principal en mars 2020 ?';
const FUND_ANSWER = 'Oui : affilié à titre principal depuis le 1er janvier 2019, cotisations en ordre.';
const EXPERT_ANSWER =
  'Oui, vous avez droit au droit passerelle de crise pour mars 2020 : la demande est acceptée.';
const PORTAL_QUESTION = 'Un affilié qui exploite un solarium mobile peut-il reporter ses cotisations ?';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
const statusText = (page: Page) =>
  page
    .getByRole('status')
    .allTextContents()
    .then((texts) => texts.join(' | '));

describe.each(DIALECTS)('%s: the back office, callback pool and fund portal', (dialect) => {
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
    'takes an escalated call from the queue to a fund, back to the expert, to a callback and an FAQ draft',
    async () => {
      const a11y = new AccessibilityReport(dialect, { strict: true });
      const problems: string[] = [];
      const ref = await escalatedCall(QUESTION);

      // The expert finds it in the team queue, with its deadline in words, and takes it.
      const expert = await openPage(running.browser, running.server);
      await logIn(expert.page, 'expert', { language: 'English (EN)' });
      await nav(expert.page, 'Team queues');
      await expectHeading(expert.page, 'Team queues');
      const row = expert.page.getByRole('row').filter({ hasText: ref });
      await expect.poll(() => row.textContent()).toContain('On track');
      // The queue opens on the expert's own first team.
      expect(await expert.page.getByRole('combobox', { name: 'Team' }).inputValue()).toBe('audit-externe');
      expect(await row.textContent()).toContain('First answer');
      expect(await row.textContent()).toContain('In the team queue');
      await a11y.check(expert.page, 'team queue');
      await row.getByRole('button', { name: `Take ${ref}` }).click();
      await expect.poll(() => statusText(expert.page)).toContain(`${ref} is yours: research has started.`);

      await expect.poll(() => row.textContent()).toContain('Eva Expert');

      // My work lists it; its side panel shows the thread, both deadlines and the actions.
      await nav(expert.page, 'My work');
      await expectHeading(expert.page, 'My work');
      await expert.page.getByRole('button', { name: `Open ${ref}` }).click();
      const drawer = expert.page.getByRole('dialog', { name: `Inquiry ${ref}` });
      await expect.poll(() => drawer.textContent()).toContain('Vérifier l’affiliation');
      const deadlines = drawer.getByRole('region', { name: 'Deadlines' });
      expect(await deadlines.textContent()).toContain('First answer');
      expect(await deadlines.textContent()).toContain('Resolution');
      expect(await deadlines.textContent()).toContain('(Brussels time)');
      await a11y.check(expert.page, 'my work with the side panel');

      // The expert asks Acerta; the inquiry waits for the fund and its clocks stop.
      const askFund = drawer.getByRole('form', { name: 'Ask a fund' });
      await askFund.getByRole('combobox', { name: 'Fund' }).selectOption('acerta');
      await askFund.getByRole('textbox', { name: 'Question to the fund' }).fill(FUND_QUESTION);
      await askFund.getByRole('button', { name: 'Send to the fund' }).click();
      await expect
        .poll(() => askFund.getByRole('status').textContent())
        .toBe('Request sent to Acerta Caisse d’assurances sociales: the inquiry waits for its answer.');
      await expect.poll(() => deadlines.textContent()).toContain('Paused since');
      expect(await drawer.textContent()).toContain('Waiting for the fund');

      // Acerta's user sees the request in the portal, with the person to look up, and answers.
      const fund = await openPage(running.browser, running.server);
      await logIn(fund.page, 'partner.acerta', { language: 'English (EN)' });
      await nav(fund.page, 'Fund portal');
      await expectHeading(fund.page, 'Fund portal');
      const request = fund.page.getByRole('form', { name: `Request about ${ref}` });
      await expect.poll(() => request.textContent()).toContain(FUND_QUESTION);
      expect(await request.textContent()).toContain('85.07.30-033.28');
      await a11y.check(fund.page, 'fund portal with a request');
      await request.getByRole('textbox', { name: 'Your answer' }).fill(FUND_ANSWER);
      await request.getByRole('button', { name: 'Send the answer' }).click();
      const answered = fund.page.getByRole('region', { name: 'Requests from the institute' });
      await expect.poll(() => answered.textContent()).toContain(FUND_ANSWER);
      await expect.poll(() => answered.textContent()).toContain('No request waits for your answer.');

      // The fund also asks its own question, and follows it.
      const ask = fund.page.getByRole('form', { name: 'Ask a question' });
      await ask.getByRole('textbox', { name: 'Question', exact: true }).fill(PORTAL_QUESTION);
      await ask.getByRole('textbox', { name: 'NISS', exact: true }).fill('85.07.30-033.28');
      await ask.getByRole('button', { name: 'Send the question' }).click();
      await expect.poll(() => ask.getByRole('status').textContent()).toMatch(/registered as Q-\d{4}-\d{6}/);
      const asked = /Q-\d{4}-\d{6}/.exec((await ask.getByRole('status').textContent()) ?? '')![0];
      const detail = fund.page.getByRole('region', { name: `Question ${asked}` });
      await expect.poll(() => detail.textContent()).toContain('No answer yet');
      expect(await detail.textContent()).toContain(PORTAL_QUESTION);
      await a11y.check(fund.page, 'fund portal with its own question');
      problems.push(...fund.problems);
      await fund.context.close();

      // Back with the expert, who reloads: the side panel reopens (it is in the address) with the
      // fund's answer on the thread. The expert answers, to be given by a callback.
      await expert.page.reload();
      await expect.poll(() => drawer.textContent()).toContain(FUND_ANSWER);
      await expect.poll(() => drawer.textContent()).toContain('In research');
      const answer = drawer.getByRole('form', { name: 'Answer', exact: true });
      await answer.getByRole('textbox', { name: 'The answer' }).fill(EXPERT_ANSWER);
      await answer.getByRole('radio', { name: 'A call back by the call center' }).check();
      await answer.getByRole('button', { name: 'Record the answer' }).click();
      await expect
        .poll(() => answer.getByRole('status').textContent())
        .toBe('Answer recorded: a callback is waiting in the agents’ pool.');

      // ...and proposes it as an FAQ entry, then opens the draft in the FAQ editor.
      const faq = drawer.getByRole('form', { name: 'Propose as FAQ entry' });
      await faq.getByRole('combobox', { name: 'Theme' }).selectOption('cotisations');
      await faq.getByRole('button', { name: 'Create the FAQ draft' }).click();
      const draftLink = drawer.getByRole('link', { name: /^Open FAQ-\d+ in the FAQ editor$/ });
      await expect.poll(() => draftLink.count()).toBe(1);
      const entryRef = /FAQ-\d+/.exec((await draftLink.textContent()) ?? '')![0];
      expect(await drawer.textContent()).toContain(`Draft ${entryRef} created and linked to this inquiry.`);
      await a11y.check(expert.page, 'side panel after the answer and the FAQ proposal');

      // The inquiry's own page shows every deadline too; Back returns to the open side panel.
      await drawer.getByRole('link', { name: `Open ${ref}'s page` }).click();
      await expectHeading(expert.page, `Inquiry ${ref}`);
      const pageDeadlines = expert.page.getByRole('region', { name: 'Deadlines' });
      await expect.poll(() => pageDeadlines.textContent()).toContain('Resolution');
      expect(await pageDeadlines.textContent()).toContain('First answer');
      await a11y.check(expert.page, 'inquiry page with its deadlines');
      await expert.page.goBack();
      await draftLink.click();
      await expectHeading(expert.page, `Edit ${entryRef}`);
      await expect
        .poll(() => expert.page.locator('textarea[name="fr.answer"]').inputValue())
        .toBe(EXPERT_ANSWER);
      problems.push(...expert.problems);
      await expert.context.close();

      // An agent takes the callback, reads the answer to give, calls, and records that it went through.
      const agent = await openPage(running.browser, running.server);
      await logIn(agent.page, 'agent', { language: 'English (EN)' });
      await nav(agent.page, 'Callbacks');
      await expectHeading(agent.page, 'Callbacks');
      const callbackRow = agent.page.getByRole('row').filter({ hasText: ref });
      await expect.poll(() => callbackRow.textContent()).toContain('0 of 3');
      await a11y.check(agent.page, 'callback pool');
      await callbackRow.getByRole('button', { name: `Take the callback of ${ref}` }).click();
      const panel = agent.page.getByRole('region', { name: `Call back for ${ref}` });
      await expect.poll(() => panel.textContent()).toContain(EXPERT_ANSWER);
      expect(await panel.textContent()).toContain('+32 470 55 44 33');
      await expect.poll(() => callbackRow.textContent()).toContain('You');
      await a11y.check(agent.page, 'callback being recorded');
      await panel.getByRole('radio', { name: 'Reached: answer given' }).check();
      await panel.getByRole('textbox', { name: 'Note (optional)' }).fill('Madame Lambert remercie.');
      await panel.getByRole('button', { name: 'Record the outcome' }).click();
      await expect
        .poll(() => statusText(agent.page))
        .toContain(`${ref}: person reached, the inquiry is closed.`);
      await agent.page.getByRole('tab', { name: 'Reached' }).click();
      await expect.poll(() => agent.page.getByRole('row').filter({ hasText: ref }).count()).toBe(1);
      await a11y.check(agent.page, 'callbacks reached');
      problems.push(...agent.problems);
      await agent.context.close();

      expect(problems).toEqual([]);
      a11y.assertClean();
    },
    BROWSER_TEST_TIMEOUT * 2,
  );

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
