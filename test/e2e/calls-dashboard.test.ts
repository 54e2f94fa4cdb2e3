import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

// Issue 16, point 4: the call center's manager follows 2020 from the telephony's own records
// (demo/callcenter/calls-2020.csv, loaded by the demo seed): 43,385 calls, 5,634 on 18 March.

describe.each(DIALECTS)('%s: the call center dashboard', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'a manager sees 2020 and its peak day, 18 March, in charts and tables; the period stays in the address',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'manager', { language: 'Français (FR)' });
      await nav(page, 'Appels du call center');
      await expectHeading(page, 'Appels du call center');
      await page.getByRole('button', { name: '2020 (la crise)' }).click();
      const received = page.locator('[data-figure="received"]');
      // Narrow no-break spaces group the thousands in French.
      await expect.poll(async () => (await received.textContent())?.replace(/\s/g, ' ')).toContain('43 385');
      await page.getByText('Voir les chiffres en tableau').click();
      const peak = page
        .locator('#calls-days ~ * tr[data-key="2020-03-18"], tr[data-key="2020-03-18"]')
        .first();
      await expect.poll(async () => (await peak.textContent())?.replace(/\s/g, ' ')).toContain('5 634');
      await a11y.check(page, 'calls dashboard: 2020');

      // The peak day alone, by hour; a reload keeps it.
      await page.getByLabel('Du').fill('2020-03-18');
      await page.getByLabel('Au').fill('2020-03-18');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await expect.poll(() => page.url()).toContain('from=2020-03-18');
      await page.reload();
      await expectHeading(page, 'Appels du call center');
      await expect
        .poll(async () => (await received.textContent())?.replace(/\s/g, ' '), { timeout: 10_000 })
        .toContain('5 634');
      const hours = page.locator('tr[data-key="08"]');
      await expect.poll(() => hours.count()).toBeGreaterThan(0);
      const byHour = await page.locator('figure[aria-labelledby="calls-hours"] tbody tr').count();
      expect(byHour).toBeGreaterThanOrEqual(9);

      // A bad period is refused next to its field, in French.
      await page.getByLabel('Au').fill('2019-01-01');
      await page.getByRole('button', { name: 'Afficher' }).click();
      await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    },
  );
});
