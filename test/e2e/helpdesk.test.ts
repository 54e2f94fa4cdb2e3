import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: the ICT helpdesk', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'an employee is offered the internal FAQ as they type, sends a ticket; ICT takes and answers it; the employee reads the answer',
    running,
    async ({ page, a11y, open }) => {
      await logIn(page, 'employee', { language: 'English (EN)' });
      await nav(page, 'ICT helpdesk');
      await expectHeading(page, 'ICT helpdesk');
      await page.getByLabel('Your problem').fill('Mot de passe expiré, compte bloqué');
      const suggestion = page.getByRole('option').filter({ hasText: 'FAQ-0153' });
      await expect.poll(() => suggestion.count(), { timeout: 10_000 }).toBe(1);
      await suggestion.click();
      await expect.poll(() => page.getByText('Did this answer your question?').count()).toBe(1);
      await a11y.check(page, 'helpdesk: new ticket with a suggestion');
      await page.getByRole('button', { name: 'No, I send the ticket' }).click();

      await page.getByLabel('Category').selectOption({ label: 'Account and access' });
      // A tag no unit has is asked again, on its field; the laptop's label reads RSVZ-LT-00042.
      await page.getByLabel('Asset tag').fill('LT-0042');
      await page.getByRole('button', { name: 'Send the ticket' }).click();
      await expect.poll(() => page.getByText('No asset has the tag LT-0042.').count()).toBe(1);
      await page.getByLabel('Asset tag').fill('RSVZ-LT-00042');
      await page.getByRole('button', { name: 'Send the ticket' }).click();
      const sent = page.getByRole('status').filter({ hasText: /^Ticket Q-\d{4}-\d{6} sent to ICT\./ });
      await expect.poll(() => sent.count()).toBe(1);
      const ref = /Q-\d{4}-\d{6}/.exec((await sent.textContent()) ?? '')![0];
      await expect.poll(() => page.getByRole('table').getByRole('link', { name: ref }).count()).toBe(1);

      const ict = await open();
      await logIn(ict.page, 'ict', { language: 'English (EN)' });
      await nav(ict.page, 'Helpdesk tickets');
      await expectHeading(ict.page, 'Helpdesk tickets');
      await ict.page.getByRole('link', { name: ref }).click();
      await expectHeading(ict.page, `Ticket ${ref}`);
      await ict.page.getByRole('button', { name: 'Take the ticket' }).click();
      await expect.poll(() => ict.page.getByText('The ticket is yours.').count()).toBe(1);
      await ict.page
        .getByLabel('Answer or note')
        .fill('Your account is unlocked: reset the password on the portal.');
      await ict.page.getByRole('button', { name: 'Answer', exact: true }).click();
      await expect.poll(() => ict.page.getByText('This ticket is closed.').count()).toBe(1);
      await a11y.check(ict.page, 'helpdesk: a ticket answered by ICT');

      // The laptop's page lists the ticket beside its history.
      await ict.page.goto('/equipment/assets/RSVZ-LT-00042');
      await expectHeading(ict.page, 'RSVZ-LT-00042 – Laptop');
      const tickets = ict.page.getByRole('region', { name: 'Helpdesk tickets' });
      await expect.poll(() => tickets.getByRole('link', { name: ref }).count()).toBe(1);
      await expect.poll(() => tickets.textContent()).toContain('Emma Employee');
      await a11y.check(ict.page, 'asset page with its helpdesk tickets');

      await page.getByRole('link', { name: ref }).click();
      await expectHeading(page, `Ticket ${ref}`);
      await expect
        .poll(() => page.getByText('Your account is unlocked: reset the password on the portal.').count())
        .toBe(1);

      await nav(ict.page, 'Helpdesk dashboard');
      await expectHeading(ict.page, 'Helpdesk dashboard');
      await ict.page.getByRole('button', { name: 'The year 2020' }).click();
      await expect.poll(() => ict.page.locator('tr[data-month="2020-03"]').textContent()).toContain('1,243');
      await a11y.check(ict.page, 'helpdesk: dashboard');
    },
  );
});
