import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, login } from '../../src/test-support/test-app.js';
import {
  browserTest,
  DEMO_PASSWORD,
  expectHeading,
  logIn,
  openDraftForReview,
  publishDraft,
  useServerAndBrowser,
} from './support.js';

// The entry this walk writes: its words appear nowhere in the demo corpus, so a search finds it alone.
const FR = {
  question: 'Mon parc de trampolines peut-il rouvrir ?',
  answer: 'Oui : les **parcs de trampolines** peuvent rouvrir, avec un visiteur par trampoline.',
};
const NL = {
  question: 'Mag mijn trampolinepark opnieuw open?',
  answer: 'Ja: een **trampolinepark** mag opnieuw open, met één bezoeker per trampoline.',
};
// Valid from this day on: searching as of an earlier day finds it only as another period's entry.
const VALID_FROM = '2024-01-01';

const textOf = (page: Page, selector: string) => page.locator(selector).first().textContent();

describe.each(DIALECTS)('%s: the FAQ screens', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'takes a new entry from a French draft to publication, finds it in Dutch, and has the funds acknowledge it',
    running,
    async ({ a11y, open }) => {
      const problems: string[] = [];

      // An editor writes in French; Dutch is flagged as waiting for its translation.
      const editor = await open();
      await logIn(editor.page, 'editor', { language: 'English (EN)' });
      await editor.page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'New FAQ entry' })
        .click();
      await expectHeading(editor.page, 'New FAQ entry');
      await editor.page.getByRole('combobox', { name: 'Theme' }).click();
      await editor.page.getByRole('option', { name: 'Secteurs et fermetures' }).click();
      await editor.page.locator('input[name="validFrom"]').fill(VALID_FROM);
      await editor.page.locator('textarea[name="fr.question"]').fill(FR.question);
      await editor.page.locator('textarea[name="fr.answer"]').fill(FR.answer);
      // The preview is formatted by the server's renderer, as readers will see the answer.
      await editor.page
        .locator('fieldset[data-language="fr"]')
        .getByRole('button', { name: 'Show preview' })
        .click();
      await expect
        .poll(() => editor.page.locator('#kb-preview-fr .kb-answer strong').textContent())
        .toBe('parcs de trampolines');
      await a11y.check(editor.page, 'new entry');
      await editor.page
        .locator('fieldset[data-language="fr"]')
        .getByRole('button', { name: 'Hide preview' })
        .click();
      await editor.page.getByRole('button', { name: 'Create the draft' }).click();
      await editor.page.waitForURL(/\/knowledge\/entries\/FAQ-\d+\/edit$/);
      const ref = /FAQ-\d+/.exec(editor.page.url())![0];
      await expectHeading(editor.page, `Edit ${ref}`);
      const dutch = editor.page.locator('fieldset[data-language="nl"]');
      // Nothing written in Dutch yet: it awaits its translation (not "the French changed").
      await expect.poll(() => dutch.locator('legend').textContent()).toContain('Awaits its translation');
      expect(await dutch.textContent()).not.toContain('changed after this one was written');
      expect(await editor.page.getByRole('link', { name: 'See the published version' }).count()).toBe(0);
      await a11y.check(editor.page, 'draft with Dutch to translate');

      // Submitting now is refused, and the reason shows at the Dutch column.
      await editor.page.getByRole('button', { name: 'Submit for review' }).click();
      await expect
        .poll(() => dutch.getByRole('alert').textContent())
        .toBe('The Dutch question and answer are still to be written.');

      await dutch.locator('textarea[name="nl.question"]').fill(NL.question);
      await dutch.locator('textarea[name="nl.answer"]').fill(NL.answer);
      await editor.page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => editor.page.getByRole('status').first().textContent()).toBe('Draft saved.');
      await expect.poll(() => dutch.locator('legend').textContent()).toContain('Up to date');
      await editor.page.getByRole('button', { name: 'Submit for review' }).click();
      await expect
        .poll(() => editor.page.getByRole('status').first().textContent())
        .toBe(`${ref} was sent for review.`);
      expect(await textOf(editor.page, 'main')).toContain('In review');
      problems.push(...editor.problems);
      await editor.context.close();

      // A reviewer compares both languages and publishes.
      const reviewer = await openDraftForReview(open, ref);
      const panel = reviewer.panel;
      await expect.poll(() => panel.textContent()).toContain(NL.question);
      expect(await panel.textContent()).toContain(FR.question);
      await a11y.check(reviewer.page, 'review queue with draft');
      await panel.getByRole('textbox', { name: 'Commentaire' }).fill('Vérifié avec le service juridique.');
      await publishDraft(reviewer, ref);
      problems.push(...reviewer.problems);
      await reviewer.context.close();

      // An agent finds it with Dutch words, keyboard only, and reads it in both languages.
      const agent = await open();
      await logIn(agent.page, 'agent', { language: 'Nederlands (NL)' });
      await agent.page.goto('/knowledge/search');
      await expectHeading(agent.page, 'FAQ zoeken');
      const box = agent.page.getByRole('combobox', { name: 'In de FAQ zoeken' });
      await expect
        .poll(() => agent.page.evaluate(() => document.activeElement?.getAttribute('role')))
        .toBe('combobox');
      await box.pressSequentially('trampolinepark', { delay: 15 });
      const result = agent.page.getByRole('option').filter({ hasText: ref });
      await expect.poll(() => result.locator('mark').count()).toBeGreaterThan(0);
      await box.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBe(`kb-result-${ref}`);
      await box.press('Enter');
      const pane = agent.page.getByRole('region', { name: 'Geopende fiche' });
      await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(NL.question);
      // The focus stayed in the search box; a screen reader hears what opened.
      expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await agent.page.getByRole('status').filter({ hasText: 'geopend' }).textContent()).toBe(
        `${ref} geopend: ${NL.question}`,
      );
      expect(await pane.locator('.kb-answer strong').textContent()).toBe('trampolinepark');
      await pane.getByRole('button', { name: 'Lezen in het Frans' }).click();
      await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(FR.question);
      await pane.getByRole('button', { name: 'Geholpen', exact: true }).click();
      await expect.poll(() => pane.getByRole('status').textContent()).toBe('Bedankt, genoteerd.');
      await a11y.check(agent.page, 'search with an open entry');

      // While it is open, a new version is published: the agent is told, and reloads.
      const editorApi = await login(running.server.app, 'editor', DEMO_PASSWORD);
      const reviewerApi = await login(running.server.app, 'reviewer', DEMO_PASSWORD);
      const call = async (
        session: typeof editorApi,
        method: 'PATCH' | 'POST',
        url: string,
        payload: object,
      ) => {
        const response = await running.server.app.inject({
          method,
          url,
          headers: asSession(session),
          payload,
        });
        expect(response.statusCode, response.body).toBe(200);
      };
      const updated = `${NL.answer} Vooraf reserveren is verplicht.`;
      await call(editorApi, 'PATCH', `/api/v1/knowledge/entries/${ref}/draft`, {
        nl: { ...NL, answer: updated },
        fr: { ...FR, answer: `${FR.answer} La réservation préalable est obligatoire.` },
      });
      await call(editorApi, 'POST', `/api/v1/knowledge/entries/${ref}/draft/submit`, {});
      await call(reviewerApi, 'POST', `/api/v1/knowledge/entries/${ref}/publish`, {});
      const banner = pane.getByRole('status').filter({ hasText: 'Deze fiche is bijgewerkt' });
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
      await banner.getByRole('button', { name: 'Opnieuw laden' }).click();
      await expect.poll(() => pane.locator('.kb-answer').textContent()).toContain('La réservation préalable');
      expect(await banner.count()).toBe(0);

      // As of a day before its period, nothing valid matches: the closest entry comes with a notice.
      await agent.page.locator('input[name="as_of"]').fill('2023-06-01');
      await expect.poll(() => textOf(agent.page, 'main')).toContain('Niets geldig op die datum.');
      expect(await result.textContent()).toContain('Andere periode');
      await a11y.check(agent.page, 'search falling back to another period');
      problems.push(...agent.problems);
      await agent.context.close();

      // Acerta had acknowledged the FAQ as first loaded: what is left is this entry's two versions.
      const partnerApi = await login(running.server.app, 'partner.acerta', DEMO_PASSWORD);
      const pending = await running.server.app.inject({
        url: '/api/v1/knowledge/changes/pending',
        headers: asSession(partnerApi),
      });
      const firstOfWalk = (pending.json().items as { ref: string; seq: number }[]).find(
        (c) => c.ref === ref,
      )!;
      const caughtUp = await running.server.app.inject({
        method: 'POST',
        url: '/api/v1/knowledge/changes/acknowledge',
        headers: asSession(partnerApi),
        payload: { upTo: firstOfWalk.seq - 1 },
      });
      expect(caughtUp.statusCode, caughtUp.body).toBe(200);

      // The Acerta fund reads what changed, oldest first, and acknowledges both versions at once.
      const partner = await open();
      await logIn(partner.page, 'partner.acerta');
      await partner.page.getByRole('navigation').getByRole('link', { name: 'Wat is er veranderd' }).click();
      await expectHeading(partner.page, 'Wat is er veranderd');
      const acknowledge = partner.page.getByRole('button', { name: `Alles bevestigen tot ${ref} versie 2` });
      await acknowledge.waitFor();
      const rows = partner.page.getByRole('row');
      expect(await rows.nth(1).textContent()).toContain('versie 1');
      expect(await rows.nth(2).textContent()).toContain('versie 2');
      await a11y.check(partner.page, 'what changed');
      await acknowledge.click();
      await expect
        .poll(() => partner.page.getByRole('status').first().textContent())
        .toBe('2 wijzigingen bevestigd.');
      await expect.poll(() => textOf(partner.page, 'main')).toContain('U bent bij');
      problems.push(...partner.problems);
      await partner.context.close();

      // The manager's board shows Acerta among the funds that acknowledged it, and no longer missing.
      const manager = await open();
      await logIn(manager.page, 'manager', { language: 'English (EN)' });
      await manager.page.goto('/knowledge/acknowledgements');
      await expectHeading(manager.page, 'Acknowledgements by the funds');
      const row = manager.page.locator(`tr[data-change="${ref}-v1"]`);
      await expect.poll(() => row.locator('td[data-fund="acerta"]').textContent()).toMatch(/^✓acknowledged /);
      expect(await row.locator('td[data-fund="securex"]').textContent()).toBe('–not yet acknowledged');
      const acerta = manager.page.locator('tr[data-fund="acerta"]');
      expect(await acerta.locator('td').first().textContent()).toBe('0');
      await a11y.check(manager.page, 'acknowledgement board');
      problems.push(...manager.problems);
      await manager.context.close();

      a11y.assertClean();
      expect(problems).toEqual([]);
    },
  );

  browserTest(
    "revises a published entry, shows the revision's word diff in the history, and manages themes and synonyms",
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'editor', { language: 'English (EN)' });

      // A typo-level change in French: Dutch is flagged, then confirmed as still correct.
      await page.goto('/knowledge/entries/FAQ-0001/edit');
      await expectHeading(page, 'Edit FAQ-0001');
      expect(await textOf(page, 'main')).toContain('You are looking at the published version.');
      const answer = page.locator('textarea[name="fr.answer"]');
      await answer.fill(`${await answer.inputValue()} Montants bruts.`);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Draft saved.');
      await page.getByRole('navigation').getByRole('link', { name: 'Translations to do' }).click();
      await expectHeading(page, 'Translations to do');
      const waiting = page.getByRole('row').filter({ hasText: 'FAQ-0001' });
      expect(await waiting.textContent()).toContain('Dutch');
      await a11y.check(page, 'translation queue');
      await waiting.getByRole('link', { name: 'FAQ-0001' }).click();
      await page.getByRole('button', { name: 'Translation still correct' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toBe('The Dutch text is confirmed as still correct.');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect.poll(() => textOf(page, 'main')).toContain('FAQ-0001 was sent for review.');
      const reviewerApi = await login(running.server.app, 'reviewer', DEMO_PASSWORD);
      const published = await running.server.app.inject({
        method: 'POST',
        url: '/api/v1/knowledge/entries/FAQ-0001/publish',
        headers: asSession(reviewerApi),
        payload: {},
      });
      expect(published.statusCode, published.body).toBe(200);

      // The history marks the added words, in text as well as in style; Dutch did not change.
      await page.goto('/knowledge/entries/FAQ-0001/history');
      await expectHeading(page, 'History of FAQ-0001');
      const latest = page.getByRole('region', { name: 'Version 2' });
      expect(await latest.locator('ins').last().textContent()).toBe('[added: Montants bruts.]');
      expect(await latest.textContent()).toContain('No change to the text.');
      await a11y.check(page, 'history');

      await page.goto('/knowledge/stale');
      await expectHeading(page, 'Entries to review again');
      await a11y.check(page, 'stale entries');

      // Themes: a duplicate code is refused at its field; a new one is listed.
      await page.goto('/knowledge/settings');
      await expectHeading(page, 'FAQ settings');
      await page.locator('input[name="code"]').fill('cotisations');
      await page.locator('input[name="nameFr"]').fill('Télétravail');
      await page.locator('input[name="nameNl"]').fill('Telewerk');
      await page.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => page.locator('input[name="code"]').getAttribute('aria-invalid')).toBe('true');
      await page.locator('input[name="code"]').fill('teletravail');
      await page.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'teletravail' }).count()).toBe(1);
      await a11y.check(page, 'settings: themes');

      // Synonyms: a new group is listed, edited, then deleted.
      await page.getByRole('tab', { name: 'Synonyms' }).click();
      await page.getByRole('button', { name: 'New synonym group' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'French terms' }).fill('trampoline');
      await dialog.getByRole('combobox', { name: 'French terms' }).press('Enter');
      await dialog.getByRole('combobox', { name: 'Dutch terms' }).fill('springkussen');
      await dialog.getByRole('combobox', { name: 'Dutch terms' }).press('Enter');
      await a11y.check(page, 'settings: new synonym group');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('searchbox', { name: 'Find a term' }).fill('trampo');
      const group = page.getByRole('row').filter({ hasText: 'springkussen' });
      await expect.poll(() => group.count()).toBe(1);
      await a11y.check(page, 'settings: synonyms');
      await group.getByRole('button', { name: 'Delete: trampoline' }).click();
      await dialog.getByRole('button', { name: 'Delete' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => textOf(page, 'main')).toContain('No synonym group matches.');

      // A search that found nothing is listed for the editors.
      const agentApi = await login(running.server.app, 'agent', DEMO_PASSWORD);
      const miss = await running.server.app.inject({
        url: '/api/v1/knowledge/search?q=zonnepanelen%20op%20het%20dak&lang=nl',
        headers: asSession(agentApi),
      });
      expect(miss.json().results).toEqual([]);
      await page.getByRole('tab', { name: 'Unanswered searches' }).click();
      await expect
        .poll(() => page.getByRole('row').filter({ hasText: 'zonnepanelen op het dak' }).count())
        .toBe(1);
      await a11y.check(page, 'settings: unanswered searches');
    },
  );
});
