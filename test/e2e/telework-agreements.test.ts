import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

// Issue 14, point 1, in the browser: Emma Employee asks for one structural day a week, Marc Manager
// finds it waiting in his team's list, approves it and signs for the employer, Emma signs, and the
// agreement is approved, frozen with its fingerprint, and printed as a PDF.

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);

/** The team's list, on the manager's page (French): the row of one agreement. */
async function teamRow(page: Page, id: string) {
  await page.goto('/telework/agreements?tab=team');
  await expectHeading(page, 'Mes conventions');
  return page.getByRole('row').filter({ hasText: id });
}

describe.each(DIALECTS)('%s: telework agreements', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'an employee asks with the keyboard, her manager approves and signs, she signs, and the agreement is frozen',
    running,
    async ({ page, a11y, open }) => {
      // ---- Emma asks (English) -----------------------------------------------------------------
      await logIn(page, 'employee', { language: 'English (EN)' });
      await nav(page, 'My agreements');
      await expectHeading(page, 'My agreements');
      const eligibility = page.getByRole('region', { name: 'What I may ask for' });
      await expect.poll(() => eligibility.textContent()).toContain('at most 3 days a week');
      await expect.poll(() => page.getByText('You have no telework agreement yet.').count()).toBe(1);
      await a11y.check(page, 'my agreements');

      const form = page.getByRole('region', { name: 'Ask for an agreement' });
      expect(await form.getByRole('radio', { name: 'Structural' }).isChecked()).toBe(true);
      await form.getByLabel('Tuesday', { exact: true }).selectOption('day');
      const sum = page.locator('#tw-weekday-sum');
      await expect.poll(() => sum.textContent()).toBe('The days chosen add up to 1, as asked.');
      // Two days a week, with the keyboard: the picker still adds up to one.
      await form.getByRole('textbox', { name: 'Days a week' }).focus();
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => sum.textContent()).toBe('The days chosen add up to 1; they must add up to 2.');
      await form.getByRole('textbox', { name: 'Place of telework' }).focus();
      await page.keyboard.type('Rue de la Loi 12, 1000 Bruxelles');
      await page.keyboard.press('Enter');
      // The server's refusal, in English, beside the weekdays, and the focus on them.
      await expect
        .poll(() => page.locator('#tw-weekday-error').textContent())
        .toBe('The days chosen add up to 1 day(s), not the 2 asked for.');
      expect(await form.getByLabel('Monday', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => focusedName(page)).toBe('weekdays.mon');
      await a11y.check(page, 'request form with an error');

      await form.getByRole('textbox', { name: 'Days a week' }).focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => sum.textContent()).toBe('The days chosen add up to 1, as asked.');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/telework\/agreements\/TW-/);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await expectHeading(page, `Structural telework agreement ${id}`);
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Request sent');
      const facts = page.getByRole('region', { name: 'The agreement' });
      await expect.poll(() => facts.textContent()).toContain('1 day a week: Tuesday');
      await expect.poll(() => facts.textContent()).toContain('Requested');
      expect(await page.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Sign' }).count()).toBe(0);
      await a11y.check(page, 'agreement requested');

      // ---- Marc finds it waiting, approves and signs (French) ----------------------------------
      const marc = await open();
      await logIn(marc.page, 'manager', { language: 'Français (FR)' });
      const row = await teamRow(marc.page, id);
      const teamTab = marc.page.getByRole('tab', { name: /^Mon équipe/ });
      expect(await teamTab.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => teamTab.textContent()).toMatch(/demandes? attend/);
      await expect.poll(() => row.textContent()).toContain('Emma Employee');
      expect(await row.textContent()).toContain('Demandée');
      expect(await row.textContent()).toContain('Vous attend');
      await a11y.check(marc.page, 'team agreements');

      await row.getByRole('link').click();
      await expect.poll(async () => (await marc.page.locator('main h1').textContent()) ?? '').toContain(id);
      await marc.page.getByRole('button', { name: 'Approuver' }).click();
      const marcFacts = marc.page.getByRole('region', { name: 'La convention' });
      await expect.poll(() => marcFacts.textContent()).toContain('À signer');
      await marc.page.getByRole('button', { name: 'Signer', exact: true }).click();
      const dialog = marc.page.getByRole('dialog', { name: 'Signer la convention' });
      await expect.poll(() => dialog.textContent()).toContain('il est figé');
      await a11y.check(marc.page, 'sign dialog');
      await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
      const marcSignatures = marc.page.getByRole('region', { name: 'Signatures' });
      await expect
        .poll(() => marcSignatures.textContent())
        .toMatch(/Pour l’employeur : signée par Marc Manager/);
      // Signed: no Sign button left (the dialog closes with a fade).
      await expect.poll(() => marc.page.getByRole('button', { name: 'Signer', exact: true }).count()).toBe(0);

      // ---- Emma signs: approved and frozen ----------------------------------------------------
      await page.reload();
      await expectHeading(page, `Structural telework agreement ${id}`);
      await page.getByRole('button', { name: 'Sign', exact: true }).click();
      const emmaDialog = page.getByRole('dialog', { name: 'Sign the agreement' });
      await expect.poll(() => emmaDialog.textContent()).toContain('it is frozen');
      await emmaDialog.getByRole('button', { name: 'Sign', exact: true }).click();
      await expect.poll(() => facts.textContent()).toContain('Approved');
      const fingerprint = page.getByTestId('fingerprint');
      await expect.poll(() => fingerprint.textContent()).toMatch(/^[0-9a-f]{64}$/);
      const history = page.getByRole('region', { name: 'History' });
      await expect.poll(() => history.getByRole('listitem').count()).toBe(4);
      expect(await history.textContent()).toContain('Signed for the employer');
      expect(await history.textContent()).toContain('By Marc Manager');
      expect(await page.getByRole('button', { name: 'End early' }).count()).toBe(1);
      const pdf = await page.request.get(
        (await page.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href'))!,
      );
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await a11y.check(page, 'agreement approved');

      // ---- Marc's list shows it approved -------------------------------------------------------
      await teamRow(marc.page, id);
      await marc.page.getByRole('combobox', { name: 'Statut' }).selectOption('approved');
      const approvedRow = marc.page.getByRole('row').filter({ hasText: id });
      await expect.poll(() => approvedRow.textContent()).toContain('Approuvée');
      expect(await approvedRow.textContent()).not.toContain('Vous attend');
    },
    { timeout: 150_000 },
  );

  browserTest(
    'HR reads the policy and functions, and records a person’s occupation, from which her cap follows',
    running,
    async ({ page, a11y, open }) => {
      await logIn(page, 'hr', { language: 'English (EN)' });
      await nav(page, 'Telework rules');
      await expectHeading(page, 'Telework rules');
      const policy = page.getByRole('region', { name: 'Policy' });
      await expect
        .poll(() => policy.getByRole('textbox', { name: 'Structural days a week, full-time' }).inputValue())
        .toBe('3');
      expect(await policy.textContent()).toContain('rounded down to the half day');
      const functions = page.getByRole('region', { name: 'Functions' });
      await expect.poll(() => functions.getByRole('row').count()).toBeGreaterThan(2);

      const profiles = page.getByRole('region', { name: 'A person’s function and occupation' });
      await profiles.getByRole('searchbox', { name: 'Find a person' }).fill('Emma');
      const person = profiles.getByRole('combobox', { name: 'Person' });
      await expect.poll(() => person.isEnabled()).toBe(true);
      await person.selectOption({ label: 'Emma Employee (employee)' });
      const form = page.getByRole('form', { name: 'Function and occupation of Emma Employee' });
      const occupation = form.getByRole('textbox', { name: 'Occupation' });
      await expect.poll(() => occupation.inputValue()).toBe('100 %');
      expect(await form.getByRole('combobox', { name: 'Function' }).inputValue()).not.toBe('');
      await occupation.fill('80');
      await form.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => form.getByRole('status').textContent()).toBe('Saved for Emma Employee.');
      await a11y.check(page, 'telework rules');

      const emma = await open();
      await logIn(emma.page, 'employee', { language: 'English (EN)' });
      await emma.page.goto('/telework/agreements');
      const eligibility = emma.page.getByRole('region', { name: 'What I may ask for' });
      await expect.poll(() => eligibility.textContent()).toContain('occupied at 80 %');
      expect(await eligibility.textContent()).toContain('at most 2 days a week');
    },
  );

  browserTest(
    'a manager refuses a request only with a reason, which the history keeps',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'manager', { language: 'English (EN)' });
      await page.goto('/telework/agreements?tab=team');
      await expectHeading(page, 'My agreements');
      await page.getByRole('combobox', { name: 'Status' }).selectOption('requested');
      const first = page.getByRole('row').filter({ hasText: 'Waits for you' }).first();
      await first.getByRole('link').click();
      await expect.poll(() => page.getByRole('button', { name: 'Refuse' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Refuse' }).click();
      const dialog = page.getByRole('dialog', { name: 'Refuse the request' });
      await dialog.getByRole('button', { name: 'Refuse' }).click();
      await expect
        .poll(() => dialog.textContent())
        .toContain('Say why the request is refused: the employee will read it.');
      await expect.poll(() => focusedName(page)).toBe('reason');
      await a11y.check(page, 'refusal without a reason');
      await page.keyboard.type('The team is short-staffed on Tuesdays until March.');
      await dialog.getByRole('button', { name: 'Refuse' }).click();
      const facts = page.getByRole('region', { name: 'The agreement' });
      await expect.poll(() => facts.textContent()).toContain('Refused');
      expect(await facts.textContent()).toContain('The team is short-staffed on Tuesdays until March.');
      const history = page.getByRole('region', { name: 'History' });
      await expect
        .poll(() => history.textContent())
        .toContain('Reason: The team is short-staffed on Tuesdays until March.');
      await expect.poll(() => page.getByRole('button', { name: 'Refuse' }).count()).toBe(0);
    },
  );

  browserTest(
    'the employee ends her agreement early, on a day within it and with a reason',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'employee', { language: 'English (EN)' });
      await page.goto('/telework/agreements');
      await expectHeading(page, 'My agreements');
      const mine = page.getByRole('region', { name: 'My agreements' });
      await mine.getByRole('row').filter({ hasText: 'Approved' }).first().getByRole('link').click();
      await page.getByRole('button', { name: 'End early' }).click();
      const dialog = page.getByRole('dialog', { name: 'End the agreement early' });
      const lastDay = dialog.getByLabel('Last day of telework');
      // It has not started yet: the earliest day offered is its first.
      const start = await lastDay.inputValue();
      const dayAfter = (day: string, n: number) =>
        new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      await lastDay.fill(dayAfter(start, -1));
      await dialog.getByRole('textbox', { name: 'Reason' }).fill('Moving closer to the office');
      await dialog.getByRole('button', { name: 'End the agreement' }).click();
      await expect.poll(() => dialog.textContent()).toContain('The end must fall between');
      await expect.poll(() => focusedName(page)).toBe('endDate');
      await a11y.check(page, 'early end outside the agreement');
      await lastDay.fill(dayAfter(start, 27));
      await dialog.getByRole('button', { name: 'End the agreement' }).click();
      const history = page.getByRole('region', { name: 'History' });
      await expect.poll(() => history.textContent()).toContain('Reason: Moving closer to the office');
      expect(await history.textContent()).toContain('Ended');
      const facts = page.getByRole('region', { name: 'The agreement' });
      await expect.poll(() => facts.textContent()).not.toContain('indefinite');
    },
  );
});
