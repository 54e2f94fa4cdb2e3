import { beforeAll, describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildPerson } from '../../src/test-support/factories.js';
import { asSession, json, type Session, TEST_PASSWORD } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, nav, statusText, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: outgoing mail', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: false });
  let agentApi: Session;

  beforeAll(async () => {
    agentApi = await buildPerson(running.server.app, { roles: ['agent'] });
    await buildPerson(running.server.app.db, { username: 'admin', roles: ['admin'], language: 'fr' });
  });

  /** An agent answers a call by mail (no SMTP in the test server: the mail stays queued). */
  const answeredByMail = async (question: string) => {
    const post = async (url: string, payload: object) => {
      const response = await running.server.app.inject({
        method: 'POST',
        url,
        headers: asSession(agentApi),
        payload,
      });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return response.body ? json(response) : null;
    };
    const { ref } = await post('/api/v1/inquiries', {
      channel: 'phone',
      language: 'fr',
      question,
      requester: { name: 'Lise Martin', email: 'lise.martin@example.be' },
    });
    await post(`/api/v1/inquiries/${ref}/answer`, { body: 'Oui, jusqu’au 31 décembre.', delivery: 'mail' });
    const mail = await running.server.app.db
      .selectFrom('platform_mail_outbox')
      .select(['id', 'subject'])
      .where('subject', 'like', `%${ref}%`)
      .executeTakeFirstOrThrow();
    return { ref: ref as string, ...mail };
  };

  browserTest(
    'shows the admin the queued and failed mails, filters by status, and sends a failed one again',
    running,
    async ({ page, a11y }) => {
      const queued = await answeredByMail('Puis-je reporter mes cotisations du deuxième trimestre ?');
      const failed = await answeredByMail('Ma librairie a-t-elle droit au droit passerelle ?');
      // As the sender leaves a mail after its eighth refused try.
      await running.server.app.db
        .updateTable('platform_mail_outbox')
        .set({ status: 'failed', attempts: 8, last_error: '550 5.1.1 mailbox unavailable' })
        .where('id', '=', failed.id)
        .execute();

      await logIn(page, 'admin', { language: 'English (EN)', password: TEST_PASSWORD });
      await nav(page, 'Outgoing mail');
      await expectHeading(page, 'Outgoing mail');
      expect(await page.locator('main').textContent()).toContain('RELAIS_SMTP_URL');
      const summary = page.getByRole('region', { name: 'Mails by status' });
      await expect.poll(() => summary.locator('[data-status="failed"] dd').textContent()).toBe('1');
      expect(Number(await summary.locator('[data-status="queued"] dd').textContent())).toBeGreaterThanOrEqual(
        1,
      );
      // The test server has no SMTP server: the page says so, not only what would happen.
      expect(await page.locator('main').textContent()).toContain(
        'This instance has no SMTP server configured: mails wait as queued.',
      );

      const queuedRow = page.getByRole('row', { name: new RegExp(queued.ref) });
      await expect.poll(() => queuedRow.textContent()).toContain('Queued');
      expect(await queuedRow.textContent()).toContain('example.be');
      expect(await queuedRow.textContent()).not.toContain('lise.martin');
      expect(await queuedRow.getByRole('button').count()).toBe(0);
      await a11y.check(page, 'outbox, all mails');

      // The status filter is a group of radio buttons, used from the keyboard.
      await page.getByRole('radio', { name: 'Failed' }).focus();
      await page.keyboard.press('Space');
      await page.waitForURL((url) => url.searchParams.get('status') === 'failed');
      await expect.poll(() => page.getByRole('row', { name: new RegExp(queued.ref) }).count()).toBe(0);
      const failedRow = page.getByRole('row', { name: new RegExp(failed.ref) });
      expect(await failedRow.textContent()).toContain('550 5.1.1 mailbox unavailable');
      expect(await failedRow.textContent()).toContain('Failed');
      await a11y.check(page, 'outbox, failed mails');

      // From the keyboard: the button is named after the mail it sends.
      const sendAgain = failedRow.getByRole('button', { name: `Send again: ${failed.subject}` });
      await sendAgain.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => statusText(page)).toContain(`The mail “${failed.subject}” is queued again`);
      await expect.poll(() => failedRow.count()).toBe(0);
      await expect.poll(() => summary.locator('[data-status="failed"] dd').textContent()).toBe('0');
      await a11y.check(page, 'outbox, after sending again');

      await page.getByRole('radio', { name: 'Queued' }).focus();
      await page.keyboard.press('Space');
      await page.waitForURL((url) => url.searchParams.get('status') === 'queued');
      const requeued = page.getByRole('row', { name: new RegExp(failed.ref) });
      await expect.poll(() => requeued.textContent()).toContain('Queued');
      expect(await requeued.locator('td').nth(5).textContent()).toBe('0');
      expect(await requeued.textContent()).not.toContain('550 5.1.1');

      // The filter is in the address: a reload keeps it.
      await page.reload();
      await expectHeading(page, 'Outgoing mail');
      expect(await page.getByRole('radio', { name: 'Queued' }).isChecked()).toBe(true);
    },
    { strict: true },
  );
});
