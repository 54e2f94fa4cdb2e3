import { describe, expect } from 'vitest';
import { importCallFile } from '../../src/modules/inquiries/calls/store-calls.js';
import { CLI_ACTOR } from '../../src/platform/audit/audit.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

// A phone call logged on the agent's line links to the telephony's record of it; a call not
// linked is named on the inquiry's page (issue 16, point 3).

const iso = (ms: number) => new Date(ms).toISOString();

describe.each(DIALECTS)('%s: an inquiry and its call', (dialect) => {
  const running = useServerAndBrowser(dialect);

  /** The telephony's file of calls, as `relais calls import` reads it. */
  const importCalls = (...lines: string[]) =>
    importCallFile(
      running.server.app.db,
      CLI_ACTOR,
      ['call_id,line,caller_language,received_at,answered_at,ended_at,outcome', ...lines].join('\n'),
    );

  const logCallOnLine = async (page: import('playwright-core').Page, question: string) => {
    await page.goto('/inquiries/new');
    await expectHeading(page, 'Nouvel appel');
    await page.locator('textarea[name="question"]').fill(question);
    await page.getByRole('button', { name: /^Clôturer sans réponse de la FAQ/ }).click();
    const confirmation = page.getByRole('status').filter({ hasText: 'Appel enregistré' });
    await expect.poll(() => confirmation.count()).toBe(1);
    return (await confirmation.locator('[data-ref]').getAttribute('data-ref')) as string;
  };

  browserTest(
    'the agent’s line is kept, the call logged on it is linked, and another is named on the inquiry’s page',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'agent');
      await page.goto('/inquiries/new');
      await expectHeading(page, 'Nouvel appel');
      await page.locator('select[name="line"]').selectOption('4');
      await a11y.check(page, 'new call with its line');
      const answered = Date.now() - 60_000;
      const linkedRef = await logCallOnLine(page, 'Droit passerelle : quand faut-il le demander ?');

      // Kept for the next call and the next visit: the agent sits on line 4 for the shift.
      await page.reload();
      await expectHeading(page, 'Nouvel appel');
      expect(await page.locator('select[name="line"]').inputValue()).toBe('4');

      // The telephony's record arrives after the call: it links to the inquiry logged on line 4.
      const report = await importCalls(
        `E2E-41,4,fr,${iso(answered - 20_000)},${iso(answered)},${iso(Date.now() + 1000)},answered`,
        `E2E-42,5,nl,${iso(answered - 40_000)},${iso(answered)},${iso(answered + 30_000)},answered`,
      );
      expect(report.linked).toBe(1);
      await page.goto(`/inquiries/${linkedRef}`);
      await expectHeading(page, `Demande ${linkedRef}`);
      const call = page.getByRole('region', { name: 'Appel' });
      await expect.poll(() => call.textContent()).toContain('E2E-41');
      expect(await call.textContent()).toContain('20 secondes');
      expect(await page.getByRole('region', { name: 'Détails' }).textContent()).toContain('Ligne4');

      // A call logged without a line: named by the agent, refused at its field when unknown.
      await page.goto('/inquiries/new');
      await page.locator('select[name="line"]').selectOption('');
      const ref = await logCallOnLine(page, 'Indemnité de crise : mon dossier est-il complet ?');
      await page.goto(`/inquiries/${ref}`);
      await expectHeading(page, `Demande ${ref}`);
      const form = page.getByRole('form', { name: 'Lier l’appel' });
      const callId = form.getByLabel('Identifiant de l’appel');
      await callId.fill('INCONNU-1');
      await form.getByRole('button', { name: 'Lier' }).click();
      await expect.poll(() => callId.getAttribute('aria-invalid')).toBe('true');
      expect(await form.textContent()).toContain('INCONNU-1');
      await a11y.check(page, 'phone inquiry, call id refused');

      await callId.fill('E2E-42');
      await form.getByRole('button', { name: 'Lier' }).click();
      const named = page.getByRole('region', { name: 'Appel' });
      await expect.poll(() => named.textContent()).toContain('E2E-42');
      expect(await named.textContent()).toContain('5');
      expect(await page.getByRole('form', { name: 'Lier l’appel' }).count()).toBe(0);
      await a11y.check(page, 'phone inquiry with its call');
    },
  );
});
