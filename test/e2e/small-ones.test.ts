import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, login } from '../../src/test-support/test-app.js';
import {
  browserTest,
  DEMO_PASSWORD,
  expectHeading,
  openDraftForReview,
  useServerAndBrowser,
} from './support.js';

// Issue 12, point 10: the small things a newcomer trips on first.
describe.each(DIALECTS)('%s: first impressions', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest('the login page puts the cursor in the username field', running, async ({ page, a11y }) => {
    await page.goto('/login');
    await expectHeading(page, 'Log in');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
      .toBe('username');
    // Typing at once fills the username: nobody has to click first.
    await page.keyboard.type('agent');
    expect(await page.locator('input[name="username"]').inputValue()).toBe('agent');
    await a11y.check(page, 'login with the focus in the username');
  });

  browserTest(
    'publishing an entry from the review queue asks the server for nothing that is gone',
    running,
    async ({ open }) => {
      // An editor revises a published entry through the API and sends it for review.
      const editor = await login(running.server.app, 'editor', DEMO_PASSWORD);
      const send = async (method: 'PATCH' | 'POST', url: string, payload: object) => {
        const response = await running.server.app.inject({
          method,
          url,
          headers: asSession(editor),
          payload,
        });
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      };
      const entry = (
        await running.server.app.inject({
          url: '/api/v1/knowledge/entries/FAQ-0002',
          headers: asSession(editor),
        })
      ).json();
      await send('PATCH', '/api/v1/knowledge/entries/FAQ-0002/draft', {
        fr: { question: entry.fr.question, answer: `${entry.fr.answer} Mise à jour.` },
        nl: { question: entry.nl.question, answer: `${entry.nl.answer} Bijgewerkt.` },
      });
      await send('POST', '/api/v1/knowledge/entries/FAQ-0002/draft/submit', {});

      // The reviewer publishes it from the queue, watching every answer the browser gets.
      const reviewer = await openDraftForReview(open, 'FAQ-0002');
      const failed: string[] = [];
      reviewer.page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await reviewer.panel.getByRole('button', { name: 'Publier' }).click();
      await expect
        .poll(() => reviewer.page.getByRole('status').first().textContent())
        .toBe('FAQ-0002 publiée (version 2).');
      // Give the refetches that follow a publication the time to land.
      await reviewer.page.waitForLoadState('networkidle');
      await reviewer.page.waitForTimeout(500);
      expect(failed).toEqual([]);
    },
  );
});
