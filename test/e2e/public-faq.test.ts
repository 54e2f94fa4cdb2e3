import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Dialect } from '../../src/platform/db/database.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, useServerAndBrowser } from './support.js';

const heading = (page: Page) => page.locator('main h1').textContent();
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase(),
      id: element?.id,
      text: element?.textContent?.trim(),
      outline: element ? getComputedStyle(element).outlineStyle : '',
    };
  });

/** Presses Tab until `isTarget` says the focus is where it should be (at most `max` presses). */
async function tabTo(page: Page, isTarget: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 20) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (isTarget(now)) return now;
  }
  throw new Error(
    `focus never reached the target in ${max} Tab presses (at ${JSON.stringify(await focused(page))})`,
  );
}

/**
 * axe on each page, every violation whatever its impact (the public pages are plain HTML: there is
 * no reason for even a minor one). Once, on the first dialect: the pages do not depend on it.
 */
class StrictAxe {
  readonly findings: string[] = [];
  readonly pagesChecked: string[] = [];
  constructor(private readonly dialect: Dialect) {}

  async check(page: Page, name: string): Promise<void> {
    if (this.dialect !== DIALECTS[0]) return;
    const results = await new AxeBuilder({ page }).analyze();
    this.pagesChecked.push(name);
    for (const violation of results.violations) {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' '));
      this.findings.push(
        `[${name}] ${violation.impact} ${violation.id}: ${violation.help} at ${targets.join(', ')}`,
      );
    }
  }
}

describe.each(DIALECTS)('%s: the public FAQ site', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'lets someone without an account choose Dutch, search with the keyboard, read an entry and switch to French',
    running,
    async ({ context, page, problems }) => {
      const a11y = new StrictAxe(dialect);

      // From the login page of the web app, a link leads to the public FAQ.
      await page.goto('/login');
      await page.getByRole('link', { name: 'Frequently asked questions, no login needed' }).click();
      // The browser speaks English, which the FAQ does not: it offers both languages.
      await page.waitForURL(/\/faq$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await a11y.check(page, 'language choice');
      await page.getByRole('link', { name: 'Nederlands' }).click();
      await page.waitForURL(/\/faq\/nl$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await heading(page)).toBe('Uw vragen, onze antwoorden');
      expect(await page.getByRole('heading', { name: 'Overbruggingsrecht', level: 2 }).count()).toBe(1);
      await a11y.check(page, 'home (nl)');

      // Keyboard only: the skip link first, then straight into the search box, type, Enter.
      const skip = await tabTo(page, () => true, 1);
      expect(skip).toMatchObject({ tag: 'a', text: 'Naar de inhoud' });
      await page.keyboard.press('Enter');
      const box = await tabTo(page, (f) => f.id === 'q', 3);
      expect(box.outline).toBe('solid');
      await page.keyboard.type('overbruggingsrecht bedrag gezinslast');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/faq\/nl\/search\?q=overbruggingsrecht\+bedrag\+gezinslast/);
      expect(await heading(page)).toBe('Resultaten voor ‘overbruggingsrecht bedrag gezinslast’');
      const results = page.locator('ol.results h3 a');
      expect(await results.count()).toBeGreaterThan(0);
      expect(await page.locator('ol.results mark').count()).toBeGreaterThan(0);
      await a11y.check(page, 'search results (nl)');

      // Tab on to the first result and open it with Enter.
      const firstTitle = (await results.first().textContent())!;
      const firstResult = await tabTo(page, (f) => f.tag === 'a' && f.text === firstTitle, 12);
      expect(firstResult.outline).toBe('solid');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/faq\/nl\/FAQ-\d+$/);
      const ref = /FAQ-\d+/.exec(page.url())![0];
      expect(await heading(page)).toBe(firstTitle);
      expect(await page.locator('main').textContent()).toContain(`Referentie ${ref}`);
      expect(await page.locator('main .answer p').count()).toBeGreaterThan(0);
      await a11y.check(page, 'entry (nl)');

      // The same entry in French, through the link written in French.
      const french = page.getByRole('link', { name: 'Lire cette réponse en français' });
      expect(await french.getAttribute('lang')).toBe('fr');
      await french.click();
      await page.waitForURL(new RegExp(`/faq/fr/${ref}$`));
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.locator('main').textContent()).toContain(`Référence ${ref}`);
      expect(await page.locator('head link[rel="alternate"][hreflang="nl"]').getAttribute('href')).toBe(
        `/faq/nl/${ref}`,
      );
      await a11y.check(page, 'entry (fr)');

      // Periods: as of a day before the crisis, nothing applies, and the page says so.
      await page.goto('/faq/fr/search?q=droit+passerelle+montant&as_of=2019-06-01');
      expect(await page.locator('main').textContent()).toContain(
        "Aucune réponse ne s'applique le 1er juin 2019.",
      );
      await a11y.check(page, 'search fallback (fr)');
      const chained = page.locator('ol.results h3 a').first();
      await chained.click();
      await page.waitForURL(/\/faq\/fr\/FAQ-\d+\?as_of=2019-06-01$/);
      expect(await page.locator('main').textContent()).toContain(
        "Cette réponse ne s'applique pas le 1er juin 2019.",
      );
      await a11y.check(page, 'entry of another period (fr)');

      // An address that leads nowhere is a page, not an error.
      const missing = await page.goto('/faq/nl/FAQ-9999');
      expect(missing?.status()).toBe(404);
      expect(await heading(page)).toBe('Pagina niet gevonden');
      await a11y.check(page, 'not found (nl)');

      // Nothing of this needed or made a session.
      expect(await context.cookies()).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
      expect(a11y.findings).toEqual([]);
      if (dialect === DIALECTS[0]) expect(a11y.pagesChecked).toHaveLength(8);
    },
  );
});
