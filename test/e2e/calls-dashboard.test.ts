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
      await logIn(page, 'manager', { language: 'English (EN)' });
      await nav(page, 'Call center calls');
      await expectHeading(page, 'Call center calls');
      await page.getByRole('button', { name: '2020 (the crisis)' }).click();
      const received = page.locator('[data-figure="received"]');
      await expect.poll(() => received.textContent()).toContain('43,385');
      await page.getByText('See the figures as a table').click();
      const peak = page
        .locator('#calls-days ~ * tr[data-key="2020-03-18"], tr[data-key="2020-03-18"]')
        .first();
      await expect.poll(() => peak.textContent()).toContain('5,634');
      await a11y.check(page, 'calls dashboard: 2020');

      // The peak day alone, by hour; a reload keeps it.
      await page.getByLabel('From', { exact: true }).fill('2020-03-18');
      await page.getByLabel('To', { exact: true }).fill('2020-03-18');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.url()).toContain('from=2020-03-18');
      await page.reload();
      await expectHeading(page, 'Call center calls');
      await expect.poll(() => received.textContent(), { timeout: 10_000 }).toContain('5,634');
      const hours = page.locator('tr[data-key="08"]');
      await expect.poll(() => hours.count()).toBeGreaterThan(0);
      const byHour = await page.locator('figure[aria-labelledby="calls-hours"] tbody tr').count();
      expect(byHour).toBeGreaterThanOrEqual(9);

      // A bad period is refused next to its field.
      await page.getByLabel('To', { exact: true }).fill('2019-01-01');
      await page.getByRole('button', { name: 'Show' }).click();
      await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    },
  );
});
