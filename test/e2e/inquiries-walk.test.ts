import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, login } from '../../src/test-support/test-app.js';
import {
  BROWSER_TEST_TIMEOUT,
  browserTest,
  DEMO_PASSWORD,
  expectHeading,
  logIn,
  nav,
  openDraftForReview,
  publishDraft,
  statusText,
  useServerAndBrowser,
} from './support.js';

/**
 * Issue 5's whole walk, each step by the role that does it in the institute, through the screens
 * they use: an agent answers one call from the FAQ and escalates another; an expert researches it
 * with a request to the person's fund, which answers in its portal; the expert answers and asks for
 * a callback; an agent calls back; the answer is proposed as an FAQ entry, translated, reviewed and
 * published; and the next caller's question finds it among the agent's suggestions.
 */

// Words no demo inquiry or FAQ entry uses, so each screen's row for this walk is found by them alone.
const QUESTION = 'Mon solarium mobile a-t-il droit au droit passerelle de crise pour mars 2020 ?';
const NOTE = 'Vérifier l’affiliation auprès de la caisse.';
const FUND_QUESTION =
  'Le solarium mobile était-il affilié comme indépendant à titre principal en mars 2020 ?';
const FUND_ANSWER = 'Oui : affilié à titre principal depuis le 1er janvier 2019, cotisations en ordre.';
const EXPERT_ANSWER =
  'Oui, un solarium mobile ouvre droit au droit passerelle de crise pour mars 2020 : la demande est acceptée.';
const PORTAL_QUESTION = 'Un affilié qui exploite un solarium mobile peut-il reporter ses cotisations ?';
const DUTCH = {
  question: 'Heeft mijn mobiel zonnecentrum recht op het crisis-overbruggingsrecht voor maart 2020?',
  answer: 'Ja, een mobiel zonnecentrum geeft recht op het crisis-overbruggingsrecht voor maart 2020.',
};

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name'));
const loggedRef = async (page: Page, text: string) => {
  const confirmation = page.getByRole('status').filter({ hasText: text });
  await expect.poll(() => confirmation.count()).toBe(1);
  return (await confirmation.locator('[data-ref]').getAttribute('data-ref')) as string;
};

describe.each(DIALECTS)('%s: an inquiry from the first call to a published FAQ entry', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'answers a call from the FAQ, escalates another to a fund, answers, calls back and publishes the answer',
    running,
    async ({ a11y, open }) => {
      const problems: string[] = [];
      const agentApi = await login(running.server.app, 'agent', DEMO_PASSWORD);
      const apiGet = async (url: string) => {
        const response = await running.server.app.inject({ url, headers: asSession(agentApi) });
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      };

      // 1. An agent answers a first call with the FAQ suggestion, from the keyboard.
      const agent = await open();
      await logIn(agent.page, 'agent', { language: 'English (EN)' });
      await nav(agent.page, 'New call');
      await expectHeading(agent.page, 'New call');
      await expect.poll(() => focusedName(agent.page)).toBe('question');
      await agent.page.keyboard.type('chauffeur de taxi sans courses passerelle');
      const suggestion = agent.page.getByRole('listbox').getByRole('option').first();
      await expect.poll(() => suggestion.textContent(), { timeout: 10_000 }).toContain('FAQ-0142');
      await agent.page.keyboard.press('ArrowDown');
      await agent.page.keyboard.press('Control+Enter');
      const answeredRef = await loggedRef(agent.page, 'answered with FAQ-0142');
      expect(await apiGet(`/api/v1/inquiries/${answeredRef}`)).toMatchObject({
        status: 'closed',
        answer_entry: { ref: 'FAQ-0142' },
      });

      // 2. The next caller's question is not in the FAQ: the agent identifies her and escalates it.
      await expect.poll(() => focusedName(agent.page)).toBe('question');
      await agent.page.keyboard.type(QUESTION);
      await agent.page.keyboard.press('Alt+i');
      await expect.poll(() => focusedName(agent.page)).toBe('requester.name');
      await agent.page.keyboard.type('Claire Lambert');
      await agent.page.keyboard.press('Tab');
      await agent.page.keyboard.type('85.07.30-033.28');
      await agent.page.locator('input[name="requester.phone"]').fill('+32 470 55 44 33');
      await agent.page.keyboard.press('Alt+e');
      await expect.poll(() => focusedName(agent.page)).toBe('call-escalation.team');
      await agent.page.locator('select[name="call-escalation.team"]').selectOption('audit-externe');
      await agent.page.locator('textarea[name="call-escalation.note"]').fill(NOTE);
      await a11y.check(agent.page, 'new call being escalated');
      await agent.page.keyboard.press('Control+Enter');
      const ref = await loggedRef(agent.page, 'escalated to Audit externe');

      // 3. The expert finds it in the team queue, with its deadline in words, and takes it.
      const expert = await open();
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

      // My work lists it; its side panel shows the agent's note, both deadlines and the actions.
      await nav(expert.page, 'My work');
      await expectHeading(expert.page, 'My work');
      await expert.page.getByRole('button', { name: `Open ${ref}` }).click();
      const drawer = expert.page.getByRole('dialog', { name: `Inquiry ${ref}` });
      await expect.poll(() => drawer.textContent()).toContain(NOTE);
      const deadlines = drawer.getByRole('region', { name: 'Deadlines' });
      expect(await deadlines.textContent()).toContain('First answer');
      expect(await deadlines.textContent()).toContain('Resolution');
      expect(await deadlines.textContent()).toContain('(Brussels time)');
      await a11y.check(expert.page, 'my work with the side panel');

      // 4. The expert asks Acerta; the inquiry waits for the fund and its clocks stop.
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
      const fund = await open();
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

      // 5. Back with the expert, who reloads: the side panel reopens (it is in the address) with the
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

      // 6. ...and proposes it as an FAQ entry, in the knowledge module's review flow.
      const faq = drawer.getByRole('form', { name: 'Propose as FAQ entry' });
      await faq.getByRole('combobox', { name: 'Theme' }).selectOption('cotisations');
      await faq.getByRole('button', { name: 'Create the FAQ draft' }).click();
      const draftLink = drawer.getByRole('link', { name: /^Open FAQ-\d+ in the FAQ editor$/ });
      await expect.poll(() => draftLink.count()).toBe(1);
      const entryRef = /FAQ-\d+/.exec((await draftLink.textContent()) ?? '')![0];
      // Written in French only, the draft goes to translation first: the message says so (issue 12, point 7).
      expect(await drawer.textContent()).toContain(
        `Draft ${entryRef} created in French and linked to this inquiry: it now awaits its Dutch translation (translation queue), then goes to review.`,
      );
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
      // Never published: no published version to see; the empty Dutch side awaits its translation.
      expect(await expert.page.getByRole('link', { name: 'See the published version' }).count()).toBe(0);
      const dutchSide = expert.page.locator('fieldset[data-language="nl"]');
      expect(await dutchSide.locator('legend').textContent()).toContain('Awaits its translation');
      expect(await dutchSide.textContent()).toContain(
        'the entry was written in French and awaits its translation.',
      );
      expect(await dutchSide.textContent()).not.toContain('changed after this one was written');
      problems.push(...expert.problems);
      await expert.context.close();

      // 7. The agent takes the callback, reads the answer to give, calls, and records that it went through.
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

      // 8. An editor writes the Dutch version of the draft and sends it for review.
      const editor = await open();
      await logIn(editor.page, 'editor', { language: 'Nederlands (NL)' });
      await editor.page.goto(`/knowledge/entries/${entryRef}/edit`);
      await expectHeading(editor.page, `${entryRef} bewerken`);
      const dutch = editor.page.locator('fieldset[data-language="nl"]');
      // Empty, the Dutch side awaits its translation (it is not "the French changed").
      await expect.poll(() => dutch.locator('legend').textContent()).toContain('Wacht op vertaling');
      expect(await editor.page.locator('textarea[name="fr.question"]').inputValue()).toBe(QUESTION);
      await dutch.locator('textarea[name="nl.question"]').fill(DUTCH.question);
      await dutch.locator('textarea[name="nl.answer"]').fill(DUTCH.answer);
      await editor.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await expect.poll(() => dutch.locator('legend').textContent()).toContain('Bijgewerkt');
      await a11y.check(editor.page, 'draft translated into Dutch');
      await editor.page.getByRole('button', { name: 'Ter nalezing indienen' }).click();
      await expect
        .poll(() => editor.page.getByRole('status').first().textContent())
        .toBe(`${entryRef} is ter nalezing ingediend.`);
      problems.push(...editor.problems);
      await editor.context.close();

      // 9. A reviewer compares both languages and publishes.
      const reviewer = await openDraftForReview(open, entryRef);
      const draft = reviewer.panel;
      await expect.poll(() => draft.textContent()).toContain(DUTCH.question);
      expect(await draft.textContent()).toContain(EXPERT_ANSWER);
      await a11y.check(reviewer.page, 'review of the proposed entry');
      await publishDraft(reviewer, entryRef);
      problems.push(...reviewer.problems);
      await reviewer.context.close();

      // 10. The next caller asks the same: the agent's suggestions now offer the published answer.
      await nav(agent.page, 'New call');
      await expectHeading(agent.page, 'New call');
      await expect.poll(() => focusedName(agent.page)).toBe('question');
      await agent.page.keyboard.type('solarium mobile passerelle');
      const offered = agent.page.getByRole('listbox').getByRole('option').filter({ hasText: entryRef });
      await expect.poll(() => offered.count(), { timeout: 10_000 }).toBe(1);
      problems.push(...agent.problems);
      await agent.context.close();

      // The inquiry kept the whole story: the fund's answer, the expert's answer, the callback.
      const inquiry = await apiGet(`/api/v1/inquiries/${ref}`);
      expect(inquiry.status).toBe('closed');
      const bodies = inquiry.messages.map((message: { body: string }) => message.body);
      expect(bodies).toEqual(expect.arrayContaining([NOTE, FUND_ANSWER, EXPERT_ANSWER]));

      expect(problems).toEqual([]);
      a11y.assertClean();
    },
    { strict: true, timeout: BROWSER_TEST_TIMEOUT * 3 },
  );
});
