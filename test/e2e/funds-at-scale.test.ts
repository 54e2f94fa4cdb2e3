import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, statusText, useServerAndBrowser } from './support.js';

// Funds at scale (issue 12, point 5): the demo's CNA lags dozens of changes behind. Its user filters them,
// pages through them and acknowledges up to the latest from the top of the page in one action, on a
// desk and on a phone; the institution's board shows who lags first and pages its changes.

const rowsOf = (page: Page) => page.locator('main tbody tr');
const caption = (page: Page) => page.locator('main caption').textContent();
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.each(DIALECTS)('%s: funds at scale', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'a lagging fund filters, pages and acknowledges up to the latest at once; the board shows who lags',
    running,
    async ({ page, a11y, open }) => {
      await logIn(page, 'partner.cna', { language: 'Français (FR)' });
      await page.goto('/knowledge/changes');
      await expectHeading(page, 'Ce qui a changé');
      await expect.poll(() => caption(page)).toMatch(/^\d+ changements à confirmer$/);
      // CNA read about 60 % of the history: dozens of changes remain, more than a page.
      const total = Number((await caption(page))!.split(' ')[0]);
      expect(total).toBeGreaterThan(50);
      expect(await rowsOf(page).count()).toBe(25);

      // The one action sits at the top of the page, in view without scrolling.
      const catchUp = page.getByRole('button', { name: `Tout confirmer jusqu'au dernier (${total})` });
      const box = await catchUp.boundingBox();
      expect(box!.y + box!.height).toBeLessThan(900);
      await a11y.check(page, 'changes (dozens pending)');

      // Paging: the last page holds the rest.
      const pages = Math.ceil(total / 25);
      await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('button', { name: `Page ${pages}` })
        .click();
      await expect.poll(() => rowsOf(page).count()).toBe(total - 25 * (pages - 1));

      // Filtering by kind and theme narrows the list and the action with it.
      await page.getByRole('combobox', { name: 'Sorte de changement' }).click();
      await page.getByRole('option', { name: 'Retirée' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('Aucun changement ne correspond');
      // The filters live in the address: back to the page without them.
      await page.goto('/knowledge/changes');
      await page.getByRole('combobox', { name: 'Thème' }).click();
      await page.getByRole('option', { name: 'Procédures et recours' }).click();
      await expect
        .poll(() => caption(page))
        .toMatch(new RegExp(`^\\d+ changements? à confirmer sur ${total}$`));
      const filtered = Number((await caption(page))!.split(' ')[0]);
      expect(filtered).toBeLessThan(total);
      await page
        .getByRole('button', {
          name: /^Confirmer (ces \d+ changements jusqu'au dernier|le changement filtré)$/,
        })
        .click();
      await expect.poll(() => statusText(page)).toContain(`${filtered} changement`);
      await page.goto('/knowledge/changes');
      await expect.poll(() => caption(page)).toBe(`${total - filtered} changements à confirmer`);

      // On a phone the same page fits, the action still at the top.
      const phone = await open();
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await logIn(phone.page, 'partner.cna', { language: 'Français (FR)' });
      await phone.page.goto('/knowledge/changes');
      await expectHeading(phone.page, 'Ce qui a changé');
      const phoneCatchUp = phone.page.getByRole('button', {
        name: `Tout confirmer jusqu'au dernier (${total - filtered})`,
      });
      await phoneCatchUp.waitFor();
      expect(await noSidewaysScroll(phone.page)).toBe(true);
      await a11y.check(phone.page, 'changes on a phone');
      await phoneCatchUp.click();
      await expect.poll(() => statusText(phone.page)).toContain(`${total - filtered} changements confirmés.`);
      await expect.poll(() => phone.page.locator('main').textContent()).toContain('Vous êtes à jour');

      // The board: Xerius, now the one that lags most, comes first; CNA no longer does.
      const manager = await open();
      await logIn(manager.page, 'manager', { language: 'Français (FR)' });
      await manager.page.goto('/knowledge/acknowledgements');
      await expectHeading(manager.page, 'Prises de connaissance des caisses');
      const funds = manager.page.locator('tr[data-fund]');
      await expect.poll(() => funds.first().getAttribute('data-fund')).toBe('xerius');
      expect(await manager.page.locator('tr[data-fund="cna"] td').first().textContent()).toBe('0');
      const firstChange = await manager.page.locator('tr[data-change]').first().getAttribute('data-change');
      await manager.page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('button', { name: 'Page 2' })
        .click();
      await expect
        .poll(() => manager.page.locator('tr[data-change]').first().getAttribute('data-change'))
        .not.toBe(firstChange);
      await a11y.check(manager.page, 'board, page 2');
    },
    { timeout: 180_000 },
  );
});
