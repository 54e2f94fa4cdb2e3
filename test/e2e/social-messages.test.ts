import { beforeAll, describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, login, type Session } from '../../src/test-support/test-app.js';
import { browserTest, DEMO_PASSWORD, expectHeading, logIn, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: a private message from a social network', (dialect) => {
  const running = useServerAndBrowser(dialect);
  let expertApi: Session;

  beforeAll(async () => {
    expertApi = await login(running.server.app, 'expert', DEMO_PASSWORD);
  });

  const asExpert = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await running.server.app.inject({
      method,
      url,
      headers: asSession(expertApi),
      ...(payload && { payload }),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.body ? response.json() : undefined;
  };

  browserTest(
    'the agent logs it with the network and handle, escalates it, and copies the expert’s answer to paste back',
    running,
    async ({ page, context, a11y }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await logIn(page, 'agent');
      await page.goto('/inquiries/new');
      await expectHeading(page, 'Nouvel appel');
      await page.locator('textarea[name="question"]').fill('Fleuriste : puis-je reporter mes cotisations ?');
      await page.getByLabel('Canal').selectOption('social');
      await page.getByLabel('Réseau social').selectOption('instagram');

      // Escalated without the handle: asked for at its field, nothing logged.
      const teams = (await asExpert('GET', '/api/v1/inquiries/teams')) as {
        code: string;
        is_member: boolean;
      }[];
      const team = teams.find((candidate) => candidate.is_member)!.code;
      await page.getByRole('button', { name: /^Transmettre…/ }).click();
      await page.locator('select[name="call-escalation.team"]').selectOption(team);
      await page.locator('textarea[name="call-escalation.note"]').fill('Message privé Instagram, report Q2.');
      await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
      const handle = page.locator('input[name="social.handle"]');
      await expect.poll(() => handle.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')))
        .toBe('social.handle');
      await a11y.check(page, 'new call, social message without a handle');

      await handle.fill('@fleurs.marie');
      await page.getByRole('button', { name: 'Transmettre', exact: true }).click();
      const confirmation = page.getByRole('status').filter({ hasText: 'Appel enregistré' });
      await expect.poll(() => confirmation.count()).toBe(1);
      const ref = (await confirmation.locator('[data-ref]').getAttribute('data-ref')) as string;

      // The expert answers it (through the API: their screens are tested elsewhere), for pasting back.
      const answer = 'Oui : demandez le report à votre caisse avant le 15 juin, sans majoration.';
      await asExpert('POST', `/api/v1/inquiries/${ref}/claim`);
      await asExpert('POST', `/api/v1/inquiries/${ref}/answer`, { body: answer, delivery: 'none' });

      await page.goto(`/inquiries/${ref}`);
      await expectHeading(page, `Demande ${ref}`);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('Message privé de @fleurs.marie sur Instagram');
      const details = page.getByRole('region', { name: 'Détails' });
      expect(await details.textContent()).toContain('@fleurs.marie');
      const thread = page.getByRole('region', { name: 'Fil' });
      expect(await thread.textContent()).toContain('À renvoyer à @fleurs.marie sur Instagram');
      await a11y.check(page, 'social inquiry answered, before copying');

      await thread.getByRole('button', { name: 'Copier la réponse' }).click();
      await expect
        .poll(() => thread.getByRole('status').textContent())
        .toContain('Réponse copiée : collez-la dans la conversation avec @fleurs.marie sur Instagram');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(answer);
      await a11y.check(page, 'social inquiry, answer copied');
    },
  );
});
