import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

const heading = (page: Page) => page.locator('main h1').textContent();

describe.each(DIALECTS)('%s: the public question form', (dialect) => {
  const running = useServerAndBrowser(dialect);

  const countInquiries = async () =>
    Number(
      (
        await running.server.app.db
          .selectFrom('inquiry')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  browserTest(
    'a person in Dutch is shown an FAQ entry as they type, says it does not answer them, sends the form and reads the reference',
    running,
    async ({ page, a11y }) => {
      // From the public FAQ, in Dutch, to the form.
      await page.goto('/faq/nl');
      await page.getByRole('link', { name: 'Stel ons uw vraag' }).click();
      await page.waitForURL(/\/faq\/nl\/ask$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await heading(page)).toBe('Een vraag stellen');
      await a11y.check(page, 'form (nl)');

      await page.getByLabel('Naam en voornaam').fill('Anna Peeters');
      await page.getByLabel('E-mailadres').fill('anna.peeters@example.be');
      await page
        .getByRole('textbox', { name: 'Uw vraag' })
        .pressSequentially('Heb ik recht op het overbruggingsrecht als ik mijn zaak moet sluiten?', {
          delay: 5,
        });

      // The FAQ's entries that match, each asking whether it answers the question; announced politely.
      const suggestions = page.getByRole('region', {
        name: 'Deze antwoorden uit de FAQ beantwoorden misschien uw vraag',
      });
      await suggestions.waitFor();
      const items = suggestions.getByRole('listitem');
      expect(await items.count()).toBeGreaterThan(0);
      expect(await items.first().getByRole('link').textContent()).toMatch(/overbrugging/i);
      await expect.poll(() => page.locator('#suggestions-status').textContent()).toMatch(/uit de FAQ/);
      await a11y.check(page, 'form with suggestions (nl)');

      // "No" removes that entry; the form is still there, as typed.
      const shownBefore = await items.count();
      await items.first().getByRole('button', { name: 'Nee' }).click();
      await expect.poll(() => items.count()).toBe(shownBefore - 1);

      const before = await countInquiries();
      await page.getByRole('button', { name: 'Mijn vraag versturen' }).click();
      await page.waitForURL(/\/faq\/nl\/ask\/sent\?ref=Q-\d{4}-\d{6}$/);
      const ref = new URL(page.url()).searchParams.get('ref')!;
      expect(await heading(page)).toBe('Uw vraag is verstuurd');
      expect(await page.locator('main').textContent()).toContain(`Referentienummer: ${ref}`);
      await a11y.check(page, 'confirmation (nl)');

      expect(await countInquiries()).toBe(before + 1);
      const inquiry = await running.server.app.db
        .selectFrom('inquiry')
        .select(['channel', 'origin', 'language', 'requester_name'])
        .where('ref', '=', ref)
        .executeTakeFirstOrThrow();
      expect(inquiry).toEqual({
        channel: 'web',
        origin: 'self_employed',
        language: 'nl',
        requester_name: 'Anna Peeters',
      });
    },
  );

  browserTest(
    'a person who says an entry answered them sends nothing, and the editors see the deflection counted',
    running,
    async ({ page, a11y, open }) => {
      await page.goto('/faq/fr/ask');
      await page.getByLabel('Nom et prénom').fill('Luc Dubois');
      await page.getByLabel('Adresse e-mail').fill('luc.dubois@example.be');
      await page
        .getByRole('textbox', { name: 'Votre question' })
        .pressSequentially('Quel est le montant du droit passerelle ?', { delay: 5 });
      const first = page
        .getByRole('region', { name: 'Ces réponses de la FAQ répondent peut-être à votre question' })
        .getByRole('listitem')
        .first();
      await first.waitFor();
      const entryRef = (await first.getAttribute('data-ref'))!;
      expect(entryRef).toMatch(/^FAQ-\d+$/);

      const before = await countInquiries();
      await first.getByRole('button', { name: 'Oui, merci' }).click();
      // The form is put away, the focus on what happened; nothing was sent.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('deflected');
      expect(await page.getByRole('heading', { name: 'Tant mieux !' }).isVisible()).toBe(true);
      expect(await page.locator('#ask-form').isHidden()).toBe(true);
      await a11y.check(page, 'deflected (fr)');
      expect(await countInquiries()).toBe(before);

      // "Ask anyway" gives the form back as it was.
      await page.getByRole('button', { name: 'Poser quand même ma question' }).click();
      expect(await page.getByLabel('Nom et prénom').inputValue()).toBe('Luc Dubois');

      // An editor sees the entry among the answers found before asking.
      const editor = await open();
      await logIn(editor.page, 'editor', { language: 'Français (FR)' });
      await editor.page.goto('/knowledge/settings?tab=misses');
      await expectHeading(editor.page, 'Paramètres de la FAQ');
      const table = editor.page.getByRole('table', { name: 'Réponses trouvées avant de poser la question' });
      await table.waitFor();
      const row = table.getByRole('row').filter({ hasText: entryRef });
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.getByRole('cell').nth(1).textContent()).toBe('FR');
      expect(Number(await row.getByRole('cell').nth(2).textContent())).toBeGreaterThanOrEqual(1);
      await a11y.check(editor.page, 'FAQ settings: deflections');
    },
  );

  browserTest(
    'without script, the form comes back with the problem next to the field and what was typed, then sends',
    running,
    async ({ page: withScript, a11y }) => {
      const context = await running.browser.newContext({
        baseURL: running.server.baseUrl,
        javaScriptEnabled: false,
        locale: 'nl-BE',
      });
      try {
        const page = await context.newPage();
        await page.goto('/faq/nl/ask');
        await page.getByLabel('Naam en voornaam').fill('Piet Claes');
        await page.getByLabel('E-mailadres').fill('piet.claes@example.be');
        await page
          .getByRole('textbox', { name: 'Uw vraag' })
          .fill('Mag ik mijn winkel openhouden tijdens de lockdown?');
        await page.getByLabel('Rijksregisternummer (INSZ)').fill('85.07.30-033.29');
        await page.getByRole('button', { name: 'Mijn vraag versturen' }).click();

        expect(await page.title()).toMatch(/^Fout – Een vraag stellen/);
        const niss = page.getByLabel('Rijksregisternummer (INSZ)');
        expect(await niss.getAttribute('aria-invalid')).toBe('true');
        expect(await niss.inputValue()).toBe('85.07.30-033.29');
        expect(await page.locator('#niss-error').isVisible()).toBe(true);
        expect(await page.getByLabel('Naam en voornaam').inputValue()).toBe('Piet Claes');
        expect(await page.getByRole('alert').first().textContent()).toContain('1 veld moet u verbeteren');

        await niss.fill('85.07.30-033.28');
        await page.getByRole('button', { name: 'Mijn vraag versturen' }).click();
        await page.waitForURL(/\/faq\/nl\/ask\/sent\?ref=Q-\d{4}-\d{6}$/);
        expect(await heading(page)).toBe('Uw vraag is verstuurd');
      } finally {
        await context.close();
      }
      // axe runs as a script: it reads the same page with an error from a browser that runs them.
      await withScript.goto('/faq/nl/ask');
      await withScript.getByLabel('Naam en voornaam').fill('Piet Claes');
      await withScript.getByLabel('E-mailadres').fill('piet.claes@example');
      await withScript.getByRole('button', { name: 'Mijn vraag versturen' }).click();
      await withScript.waitForURL(/\/faq\/nl\/ask$/);
      expect(await withScript.locator('#email-error').isVisible()).toBe(true);
      await a11y.check(withScript, 'form with errors (nl)');
    },
  );
});
