import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

const dialog = (page: Page) => page.getByRole('dialog');

describe.each(DIALECTS)('%s: partner, unit and token screens', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'creates a partner organisation, refuses a bad enterprise number next to its field, and edits the name',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      await page.goto('/directory/partners');
      await page.getByRole('button', { name: 'New partner organisation' }).click();
      await dialog(page).locator('input[name="code"]').fill('mutas');
      await dialog(page).locator('input[name="nameFr"]').fill('Mutas Caisse');
      await dialog(page).locator('input[name="nameNl"]').fill('Mutas Kas');
      await dialog(page).locator('input[name="enterpriseNumber"]').fill('12345');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      const number = dialog(page).locator('input[name="enterpriseNumber"]');
      await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true');
      await a11y.check(page, 'partner form with error');

      await number.fill('0123.456.789');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /mutas/ });
      expect(await row.textContent()).toContain('0123456789');

      await page.getByRole('button', { name: 'Edit: mutas' }).click();
      await dialog(page).locator('input[name="nameFr"]').fill('Mutas Caisse sociale');
      await dialog(page).getByRole('button', { name: 'Save' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await expect.poll(() => row.textContent()).toContain('Mutas Caisse sociale');
    },
  );

  browserTest(
    'adds an organisation unit under the call center and shows it in the tree',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'Français (FR)' });
      await page.goto('/directory/org-units');
      await expectHeading(page, 'Unités organisationnelles');
      await page.getByRole('button', { name: 'Nouvelle unité' }).click();
      await dialog(page).locator('input[name="code"]').fill('equipe-nl');
      await dialog(page).locator('input[name="nameFr"]').fill('Équipe néerlandophone');
      await dialog(page).locator('input[name="nameNl"]').fill('Nederlandstalig team');
      await dialog(page)
        .getByLabel('Fait partie de', { exact: true })
        .and(page.locator('input'))
        .filter({ visible: true })
        .click();
      await page.getByRole('option', { name: /Call center de crise/ }).click();
      await a11y.check(page, 'new unit dialog');
      await dialog(page).getByRole('button', { name: 'Créer' }).click();
      await dialog(page).waitFor({ state: 'detached' });

      // The new unit sits inside the call center's branch of the tree.
      const callCenter = page
        .getByRole('listitem')
        .filter({ has: page.getByText('Call center de crise', { exact: true }) })
        .last();
      await expect.poll(() => callCenter.textContent()).toContain('Équipe néerlandophone');
      await a11y.check(page, 'unit tree');
    },
  );

  browserTest(
    'creates an API token for a user, shows its secret once, and revokes it',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      await page.goto('/admin/tokens');
      await page.getByRole('button', { name: 'Create the token' }).click();
      const owner = page.locator('input[name="username"]');
      await expect.poll(() => owner.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('This field is required.').count()).toBe(2);

      await owner.fill('nobody.here');
      await page.locator('input[name="name"]').fill('Acerta case system');
      await page.getByRole('button', { name: 'Create the token' }).click();
      await expect
        .poll(() => page.locator('input[name="username"]').getAttribute('aria-invalid'))
        .toBe('true');

      await page.locator('input[name="username"]').fill('partner.acerta');
      // An end, a month away: the list shows it, in the reader's language.
      const inAMonth = new Date(Date.now() + 30 * 86_400_000);
      await page
        .locator('input[name="expiresOn"]')
        .fill(inAMonth.toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' }));
      await page.getByRole('button', { name: 'Create the token' }).click();
      const secret = await dialog(page).getByTestId('token-secret').textContent();
      expect(secret?.length).toBeGreaterThan(20);
      await a11y.check(page, 'token secret dialog');

      // The secret works as a bearer token for the API.
      const me = await fetch(`${running.server.baseUrl}/api/v1/me`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect((await me.json()).username).toBe('partner.acerta');

      await dialog(page).getByRole('button', { name: 'I have copied it' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      expect(await page.locator('main').textContent()).not.toContain(secret);
      const row = page.getByRole('row', { name: /Acerta case system/ });
      expect(await row.textContent()).toContain('Active');
      expect(await row.textContent()).toContain(
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Brussels' }).format(
          inAMonth,
        ),
      );
      // Used once above: the list says when, not "Never".
      await page.reload();
      await expect.poll(() => row.textContent()).not.toContain('Never');
      expect(await page.getByRole('columnheader', { name: 'Last used' }).count()).toBe(1);
      expect(await page.getByRole('columnheader', { name: 'Expires on' }).count()).toBe(1);

      await row.getByRole('button', { name: 'Revoke: Acerta case system' }).click();
      await dialog(page).getByRole('button', { name: 'Revoke' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await expect.poll(() => row.textContent()).toContain('Revoked');
      const refused = await fetch(`${running.server.baseUrl}/api/v1/me`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(refused.status).toBe(401);
    },
  );
});
