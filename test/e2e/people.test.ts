import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

const HEADER = 'username,name,email,language,roles,org_unit,partner';

/** Picks options of a Mantine select or multi-select by their visible labels. */
async function choose(page: Page, label: string, options: string[]): Promise<void> {
  await page.getByLabel(label, { exact: true }).and(page.locator('input')).filter({ visible: true }).click();
  for (const option of options) await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

describe.each(DIALECTS)('%s: people screens', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'creates a person through the form, then shows the creation in the audit log',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
      await page.getByRole('link', { name: 'New person' }).click();
      await expectHeading(page, 'New person');

      await page.locator('input[name="username"]').fill('vol.lambert');
      await page.locator('input[name="name"]').fill('Julie Lambert');
      await page.locator('input[name="email"]').fill('julie.lambert@example.org');
      await choose(page, 'Roles', ['Call-center agent', 'Employee']);
      await choose(page, 'Organisation unit', ['Call center de crise']);
      await a11y.check(page, 'new person form');
      await page.getByRole('button', { name: 'Create the person' }).click();

      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Julie Lambert (vol.lambert) was created.');
      const row = page.getByRole('row', { name: /Julie Lambert/ });
      expect(await row.textContent()).toContain('call-center');

      await page.getByRole('link', { name: 'Audit log' }).click();
      await expectHeading(page, 'Audit log');
      const created = page.locator('tr[data-action="directory.person_created"]', { hasText: 'vol.lambert' });
      await expect.poll(() => created.count()).toBe(1);
      expect(await created.textContent()).toMatch(/Person created.*admin|admin.*Person created/);
      expect(await created.textContent()).toContain('roles:agent, employee');
    },
  );

  browserTest(
    'edits a person: a new password and a disabled account, so that person can no longer log in; a manager only reads',
    running,
    async ({ page, a11y, open }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      await page.goto('/directory/people?q=employee2');
      await page
        .getByRole('row', { name: /employee2/ })
        .getByRole('link')
        .click();
      await expect
        .poll(() => page.locator('input[name="email"]').inputValue())
        .toBe('employee2@inasti.example');
      await a11y.check(page, 'edit person');

      await page.getByLabel('New password', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Save' }).click();
      const password = page.getByLabel('New password', { exact: true });
      await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
      const described = ((await password.getAttribute('aria-describedby')) ?? '').split(' ');
      const errorId = described.find((id) => id.endsWith('-error'));
      expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('At least 12 characters.');

      await page.getByLabel('New password', { exact: true }).fill('a-long-new-password');
      await page.getByRole('switch', { name: 'Account active' }).uncheck();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toBe('The changes were saved.');
      expect(await page.locator('main').textContent()).toContain('Disabled');

      const person = await open();
      await person.page.goto('/login');
      await person.page.locator('input[name="username"]').fill('employee2');
      await person.page.locator('input[name="password"]').fill('a-long-new-password');
      await person.page.getByRole('button', { name: 'Log in', exact: true }).click();
      await expect.poll(() => person.page.getByRole('alert').textContent()).toBe('This account is disabled.');
      await person.context.close();

      // A manager sees people but cannot change them: the form is read-only, without Save.
      const manager = await open();
      await logIn(manager.page, 'manager', { language: 'English (EN)' });
      await manager.page.goto(page.url());
      await expect.poll(() => manager.page.locator('input[name="email"]').isDisabled()).toBe(true);
      expect(await manager.page.getByRole('button', { name: 'Save' }).count()).toBe(0);
      await manager.context.close();
    },
  );

  browserTest(
    'shows a bad e-mail next to its field in the current language and keeps what was typed',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'Nederlands (NL)' });
      await page.goto('/directory/people/new');
      await expectHeading(page, 'Nieuwe persoon');

      await page.locator('input[name="username"]').fill('vol.fout');
      await page.locator('input[name="name"]').fill('Pieter Fout');
      await page.locator('input[name="email"]').fill('geen-adres');
      await choose(page, 'Rollen', ['Personeelslid']);
      await page.getByRole('button', { name: 'Persoon aanmaken' }).click();

      const email = page.locator('input[name="email"]');
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
      const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
      expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Geen geldig email-formaat.');
      expect(await page.getByRole('alert').first().textContent()).toContain(
        'Sommige velden zijn niet geldig.',
      );
      expect(await page.locator('input[name="username"]').inputValue()).toBe('vol.fout');
      expect(await page.locator('input[name="name"]').inputValue()).toBe('Pieter Fout');
      expect(await email.inputValue()).toBe('geen-adres');
      await a11y.check(page, 'person form with errors');
    },
  );

  browserTest(
    'imports nothing from a CSV with one bad row and names its line',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      await page.goto('/directory/import');
      await expectHeading(page, 'Import people');
      // Picked as a file, as HR would from their spreadsheet export; the content shows for checking.
      const csv = [
        HEADER,
        'imp.martin,Luc Martin,luc.martin@example.org,fr,agent employee,call-center,',
        'imp.claes,Sofie Claes,not-an-address,nl,agent employee,call-center,',
        'imp.wouters,Jan Wouters,jan.wouters@example.org,nl,employee,,',
      ].join('\n');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'volunteers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });
      await expect.poll(() => page.getByRole('textbox', { name: 'Content' }).inputValue()).toBe(csv);
      await page.getByRole('button', { name: 'Import', exact: true }).click();

      const problemsTable = page.getByRole('table', { name: 'Rows to correct' });
      await problemsTable.waitFor();
      expect(await problemsTable.getByRole('row').allInnerTexts()).toEqual([
        expect.stringMatching(/Line\s+Column\s+Problem/),
        expect.stringMatching(/^3\s+email\s+Not a valid email\.$/),
      ]);
      expect(await page.getByRole('alert').textContent()).toContain('Nothing was imported.');
      await a11y.check(page, 'import with errors');

      // Nobody from the file exists: not even the good rows.
      await page.goto('/directory/people?q=imp.');
      await expect.poll(() => page.locator('main').textContent()).toContain('Nobody matches these filters');
    },
  );

  browserTest(
    'imports a clean CSV with generated passwords and offers them as a CSV download',
    running,
    async ({ page, open }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      await page.goto('/directory/import');
      await page
        .getByRole('textbox', { name: 'Content' })
        .fill(
          [
            HEADER,
            'new.dubois,Marie Dubois,marie.dubois@example.org,fr,agent employee,call-center,',
            'new.maes,Koen Maes,koen.maes@example.org,nl,agent employee,call-center,',
          ].join('\n'),
        );
      await page.getByRole('checkbox', { name: 'Generate a password for each person' }).check();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('2 people imported.');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the 2 passwords (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('relais-passwords.csv');
      const lines = fs
        .readFileSync((await download.path())!, 'utf8')
        .trim()
        .split(/\r\n/);
      expect(lines[0]).toBe('username,password');
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['new.dubois', 'new.maes']);

      // The passwords work: the first volunteer logs in with theirs.
      const password = lines[1]!.split(',')[1]!;
      const volunteer = await open();
      await logIn(volunteer.page, 'new.dubois', { password });
      await expectHeading(volunteer.page, 'Bienvenue, Marie Dubois');
      await volunteer.context.close();
    },
  );
});
