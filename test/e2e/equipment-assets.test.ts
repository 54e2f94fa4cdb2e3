import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, DEMO_PASSWORD, login } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, nav, statusText, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: equipment assets pages', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'ICT finds a unit, sends it to repair from its page and sees the move in its history; the stock and recovery pages open',
    running,
    async ({ page, a11y }) => {
      const app = running.server.app;
      const ict = await login(app, 'ict', DEMO_PASSWORD);
      for (const [tag, serial] of [
        ['E2E-SCR-1', 'SN-E2E-1'],
        ['E2E-SCR-2', 'SN-E2E-2'],
      ]) {
        const answer = await app.inject({
          method: 'POST',
          url: '/api/v1/equipment/assets',
          headers: asSession(ict),
          payload: { tag, type: 'screen', model: 'P2419H', serial, site: 'BOT' },
        });
        expect(answer.statusCode, answer.body).toBe(201);
      }

      await logIn(page, 'ict', { language: 'English (EN)' });
      await nav(page, 'Asset inventory');
      await expectHeading(page, 'Asset inventory');
      await page.getByLabel('Search', { exact: true }).fill('e2e-scr');
      await expect.poll(() => page.getByRole('table').first().getByRole('row').count()).toBe(3);
      await a11y.check(page, 'asset inventory');

      await page.getByRole('link', { name: 'E2E-SCR-2' }).click();
      await expectHeading(page, 'E2E-SCR-2 – Screen');
      await page
        .getByLabel('New status', { exact: true })
        .and(page.locator('input'))
        .filter({ visible: true })
        .click();
      await page.getByRole('option', { name: 'In repair' }).click();
      await page.getByLabel('Note for the history').fill('Dead pixels');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => statusText(page)).toContain('Change saved.');
      const history = page.getByRole('region', { name: 'History' });
      await expect.poll(() => history.textContent()).toContain('Sent to repair');
      await expect.poll(() => history.textContent()).toContain('Dead pixels');
      await a11y.check(page, 'asset page');

      await nav(page, 'Stock and equipment at home');
      await expectHeading(page, 'Stock and equipment at home');
      await expect
        .poll(() => page.getByRole('region', { name: 'Stock per type and site' }).textContent())
        .toContain('Screen');
      await a11y.check(page, 'stock page');

      await nav(page, 'Equipment to recover');
      await expectHeading(page, 'Equipment to recover');
      await a11y.check(page, 'recovery page');
    },
  );
});
