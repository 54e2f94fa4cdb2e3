import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildInquiry, buildTeam } from '../../src/test-support/factories.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

/** What sticks out sideways (a phone's reader would have to pan), outside boxes that scroll themselves. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    document.documentElement.scrollWidth <= window.innerWidth
      ? []
      : [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((element) => {
            for (let up = element.parentElement; up && up !== document.body; up = up.parentElement)
              if (getComputedStyle(up).overflowX !== 'visible') return false;
            return true;
          })
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').slice(0, 60)}"`),
  );

// Issue 12, point 8: the figures read as a manager reads them.
describe.each(DIALECTS)('%s: the figures a manager reads', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'shows the period in words and dates in the reader’s language, with response times and service levels by team',
    running,
    async ({ page, a11y }) => {
      const team = await buildTeam(running.server.app, {
        code: 'figures-e2e',
        nameFr: 'Cellule chiffres',
        nameNl: 'Cel cijfers',
      });
      await buildInquiry(running.server.app, { status: 'escalated', team });

      await logIn(page, 'manager', { language: 'Français (FR)' });
      await page.goto('/inquiries/figures');
      await expectHeading(page, 'Chiffres');
      // No period chosen: the fields show the one the figures are for (the last 30 days), and say it.
      const period = page.getByRole('search', { name: 'Période' });
      await expect.poll(() => period.locator('input[name="to"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await period.locator('input[name="from"]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await expect
        .poll(() => period.locator('[data-period]').textContent())
        .toMatch(/^Période affichée : .+ \d{4}\.$/);

      // What a manager looks for first, beside the counts.
      const times = page.getByRole('region', { name: 'Délais de réponse' });
      expect(await times.getByRole('row').filter({ hasText: 'Première réponse' }).count()).toBe(1);
      const levels = page.getByRole('region', { name: 'Niveau de service par équipe' });
      const row = levels.locator('tr[data-team="figures-e2e"]');
      await expect.poll(() => row.locator('th').textContent()).toBe('Cellule chiffres');
      expect(await row.locator('td').first().textContent()).toBe('1');
      expect(await levels.getByRole('button', { name: 'Télécharger les chiffres des équipes' }).count()).toBe(
        1,
      );
      await a11y.check(page, 'figures with service levels (fr)');

      // March 2019 as a month, in French words; the days too (a March before the crisis: no inquiry in the demo).
      await period.locator('input[name="from"]').fill('2019-03-01');
      await period.locator('input[name="to"]').fill('2019-03-31');
      await period.getByRole('button', { name: 'Afficher' }).click();
      await expect
        .poll(async () => (await period.locator('[data-period]').textContent())?.replace(/\s*[–-]\s*/, ' – '))
        .toBe('Période affichée : 1 – 31 mars 2019.');
      const summary = page.getByRole('status').filter({ hasText: /demandes? du/ });
      await expect.poll(() => summary.textContent()).toBe('0 demande du 1 mars 2019 au 31 mars 2019.');
      const chart = page.getByRole('figure', { name: 'Demandes par jour, par origine' });
      await chart.locator('summary').click();
      expect(await chart.getByRole('rowheader').first().textContent()).toMatch(/^1 mars 2019$/);
      // The axis skips days where they crowd; each one it shows is a day of March in words.
      expect(await chart.locator('.recharts-cartesian-axis-tick-value').first().textContent()).toMatch(
        /^\d{1,2} mars$/,
      );
      expect(await levels.textContent()).toContain('Aucune équipe ne détient de demande de cette période.');

      // On a phone, nothing sticks out sideways.
      // A tooltip shown at the chart's right, left there when the window narrows, widens nothing.
      await chart.locator('.recharts-wrapper').hover({ position: { x: 850, y: 100 } });
      await page.setViewportSize({ width: 390, height: 844 });
      // The chart follows the new width once its resize observer fires: give it the time, on a busy machine.
      await expect.poll(() => overflowing(page), { timeout: 10_000 }).toEqual([]);
    },
  );

  browserTest(
    'a manager picks 2020 and reads the call center’s year: charts and tables by channel, origin, theme, status, backlog and callbacks, the year kept in the address',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'manager', { language: 'English (EN)' });
      await page.goto('/inquiries/figures');
      await expectHeading(page, 'Figures');
      const quick = page.getByRole('group', { name: 'Quick choice' });
      await quick.getByRole('button', { name: 'Year 2020' }).click();
      await expect.poll(() => new URL(page.url()).search).toContain('from=2020-01-01');
      expect(new URL(page.url()).searchParams.get('to')).toBe('2020-12-31');
      await expect
        .poll(() => quick.getByRole('button', { name: 'Year 2020' }).getAttribute('aria-pressed'))
        .toBe('true');

      const readTable = async (name: string) => {
        const section = page.getByRole('region', { name, exact: true });
        await expect.poll(() => section.locator('tbody tr').count()).toBeGreaterThan(0);
        expect(
          await section
            .getByRole('img', { name: `Chart: ${name}` })
            .locator('.recharts-bar-rectangle')
            .count(),
        ).toBeGreaterThan(0);
        const rows = await section
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [
              tr.querySelectorAll('td')[0]?.textContent ?? '',
              Number((tr.querySelectorAll('td')[1]?.textContent ?? '').replace(/\D/g, '')),
            ]),
          );
        return new Map(rows as [string, number][]);
      };
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /inquiries from/ })
            .textContent(),
        )
        .toMatch(/^[\d,]+ inquiries from 1 January 2020 to 31 December 2020\.$/);
      const channels = await readTable('By channel');
      for (const channel of ['Phone', 'E-mail', 'Web form', 'Fund', 'Social media'])
        expect(channels.get(channel), `${channel} in ${[...channels.keys()]}`).toBeGreaterThan(0);
      const origins = await readTable('By origin');
      expect([...origins.values()].every((count) => count > 0)).toBe(true);
      expect(origins.size).toBe(6);
      const themes = await readTable('By theme');
      expect(themes.get('Droit passerelle') ?? themes.get('Overbruggingsrecht')).toBeGreaterThan(0);
      const statuses = await readTable('By status now');
      expect(statuses.get('Closed')).toBeGreaterThan(3000);
      const backlog = await readTable('Backlog per team');
      expect(backlog.size).toBeGreaterThan(2);
      const callbacks = await readTable('Callbacks');
      expect(callbacks.get('Done')).toBeGreaterThan(0);
      expect(callbacks.get('Pending')).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Download: By theme' }).count()).toBe(1);
      await a11y.check(page, 'figures of 2020 (en)');

      // Reloaded (or shared), the address still shows 2020.
      await page.reload();
      await expect
        .poll(() => page.getByRole('search', { name: 'Period' }).locator('input[name="from"]').inputValue())
        .toBe('2020-01-01');
      expect(
        await page.getByRole('search', { name: 'Period' }).locator('input[name="to"]').inputValue(),
      ).toBe('2020-12-31');
      expect((await readTable('By channel')).get('Phone')).toBe(channels.get('Phone'));
    },
  );
});
