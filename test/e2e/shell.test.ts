import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: the web app shell', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'sends a visitor to the login page and lets the admin in with the demo password',
    running,
    async ({ page, a11y }) => {
      // The page runs under the server's strict policy (no inline script, no eval): any refusal
      // would show up as a console error in `problems`.
      const response = await page.goto('/directory/people');
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
      await page.waitForURL(/\/login\?returnTo=%2Fdirectory%2Fpeople/);
      await expectHeading(page, 'Log in');
      await a11y.check(page, 'login');

      await page.locator('input[name="username"]').fill('admin');
      await page.locator('input[name="password"]').fill('wrong password');
      await page.getByRole('button', { name: 'Log in', exact: true }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Unknown username or wrong password.');
      await a11y.check(page, 'login with error');

      await logIn(page, 'admin');
      // Back where the visitor wanted to go, in the admin's own language (French).
      await page.waitForURL(/\/directory\/people$/);
      await expectHeading(page, 'Personnes');
      await expect.poll(() => page.title()).toBe('Personnes · Relais');
      await page.getByRole('link', { name: 'Accueil', exact: true }).click();
      await expectHeading(page, 'Bienvenue, Anne Admin');
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      for (const area of ['Personnes', 'Importer des personnes', 'Rôles', "Jetons d'API", "Journal d'audit"])
        await expect.poll(() => nav.getByRole('link', { name: area, exact: true }).count()).toBe(1);
      await a11y.check(page, 'home (admin)');

      // Keyboard: on a fresh page the first Tab reaches the skip link, which moves focus to the content.
      await page.reload();
      await expectHeading(page, 'Bienvenue, Anne Admin');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    },
  );

  browserTest(
    'switches FR → NL → EN on the login page and after, and remembers the choice across a reload',
    running,
    async ({ page, open }) => {
      await page.goto('/login');
      const html = page.locator('html');
      await page.getByRole('button', { name: 'Français (FR)' }).click();
      await expectHeading(page, 'Connexion');
      expect(await html.getAttribute('lang')).toBe('fr');
      await page.getByRole('button', { name: 'Nederlands (NL)' }).click();
      await expectHeading(page, 'Aanmelden');
      expect(await page.getByLabel('Gebruikersnaam').count()).toBe(1);
      expect(await html.getAttribute('lang')).toBe('nl');
      await page.getByRole('button', { name: 'English (EN)' }).click();
      await expectHeading(page, 'Log in');
      await page.reload();
      await expectHeading(page, 'Log in');

      // `manager` is a French-speaking account; the choice just made on the login page wins.
      await logIn(page, 'manager');
      await expectHeading(page, 'Welcome, Marc Manager');
      expect(await html.getAttribute('lang')).toBe('en');
      await page.getByRole('button', { name: 'Nederlands (NL)' }).click();
      await expectHeading(page, 'Welkom, Marc Manager');
      await expect.poll(() => page.getByRole('navigation', { name: 'Hoofdnavigatie' }).count()).toBe(1);
      await page.reload();
      await expectHeading(page, 'Welkom, Marc Manager');
      expect(await html.getAttribute('lang')).toBe('nl');

      // The account remembers it too: another browser starts in Dutch after logging in.
      const other = await open();
      await logIn(other.page, 'manager');
      await expectHeading(other.page, 'Welkom, Marc Manager');
      await other.context.close();
    },
  );

  browserTest(
    'opens every admin page from the navigation, each titled and accessible',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'admin', { language: 'English (EN)' });
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      const pages: [link: string, expected: RegExp][] = [
        ['People', /Anne Admin/],
        ['Import people', /Expected columns/],
        ['Partner organisations', /Acerta/],
        ['Organisation units', /Crisis call center|Call center de crise/],
        ['Roles', /Read the audit log/],
        ['API tokens', /No tokens yet/],
        ['Audit log', /Logged in/],
        ['Outgoing mail', /RELAIS_SMTP_URL/],
      ];
      for (const [link, expected] of pages) {
        await nav.getByRole('link', { name: link, exact: true }).click();
        await expectHeading(page, link);
        await expect.poll(() => page.title()).toBe(`${link} · Relais`);
        await expect.poll(() => page.locator('main').textContent(), { message: link }).toMatch(expected);
        await a11y.check(page, link);
      }
      await page.goto('/no/such/page');
      await expectHeading(page, 'Page not found');
      await a11y.check(page, '404');
    },
  );

  browserTest(
    'offers single sign-on on the login page only when the server has it, and explains a failed attempt',
    running,
    async ({ page, a11y }) => {
      // This server has no OpenID Connect provider configured: password only.
      await page.goto('/login?returnTo=%2Fadmin%2Faudit');
      await expectHeading(page, 'Log in');
      expect(await page.getByRole('link', { name: /Log in with/ }).count()).toBe(0);

      // A server with a provider (its answer stood in for) shows the button, keeping the return address.
      await page.route('**/api/v1/auth/providers', (route) =>
        route.fulfill({ json: { password: true, oidc: { enabled: true, label: 'eID' } } }),
      );
      await page.reload();
      const sso = page.getByRole('link', { name: 'Log in with eID' });
      await sso.waitFor();
      expect(await sso.getAttribute('href')).toBe('/api/v1/auth/oidc/start?returnTo=%2Fadmin%2Faudit');
      await a11y.check(page, 'login with single sign-on');

      // The round trip sends failures back as ?error=<code>.
      await page.goto('/login?error=auth.oidc_not_configured');
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Single sign-on is not configured.');
      await page.goto('/login?error=auth.oidc_unknown_user');
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Your single sign-on account has no Relais account. Ask an administrator.');
      // Anything else in the address (a forged link) is not echoed: a generic sentence instead.
      await page.goto('/login?error=%3Cb%3Eyou%20won%3C%2Fb%3E');
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toBe('Single sign-on did not succeed. Try again or log in with your password.');
    },
  );

  browserTest(
    "shows a partner fund's user no admin area, and refuses an admin page opened by its address",
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'partner.acerta');
      const nav = page.getByRole('navigation');
      // A fund's user answers the institute in its portal, reads the FAQ, acknowledges its changes
      // and prints it: those areas only, no admin one.
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        'Start',
        'Portaal voor de fondsen',
        'FAQ zoeken',
        'Wat is er veranderd',
        'Exporteren / afdrukken',
      ]);
      await expect.poll(() => page.locator('main').textContent()).toContain('Wat is er veranderd');
      await a11y.check(page, 'home (partner)');
      await page.goto('/admin/audit');
      await expectHeading(page, 'Geen toegang');
      await a11y.check(page, 'forbidden');
    },
  );

  browserTest(
    'logs out from the user menu, and "log out everywhere" ends the other sessions too',
    running,
    async ({ a11y, open }) => {
      const first = await open();
      const second = await open();
      await logIn(first.page, 'employee');
      await logIn(second.page, 'employee');

      await first.page.getByRole('button', { name: 'Account menu of Emma Employee' }).click();
      await first.page.getByRole('menuitem', { name: 'Log out everywhere' }).waitFor();
      await a11y.check(first.page, 'user menu');
      await first.page.getByRole('menuitem', { name: 'Log out everywhere' }).click();
      await first.page.waitForURL(/\/login$/);
      await expect
        .poll(() => first.page.getByRole('status').textContent())
        .toContain('You are logged out on every device');

      // The other browser finds its session gone at its next step.
      await second.page.reload();
      await second.page.waitForURL(/\/login/);
      await expectHeading(second.page, 'Log in');

      await logIn(second.page, 'employee');
      await second.page.getByRole('button', { name: 'Account menu of Emma Employee' }).click();
      await second.page.getByRole('menuitem', { name: 'Log out', exact: true }).click();
      await second.page.waitForURL(/\/login$/);
      await second.page.goto('/');
      await second.page.waitForURL(/\/login$/);
      a11y.assertClean();
      expect([...first.problems, ...second.problems]).toEqual([]);
      await first.context.close();
      await second.context.close();
    },
  );
});
