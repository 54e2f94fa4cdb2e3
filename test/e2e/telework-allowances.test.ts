import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, DEMO_PASSWORD, login } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: telework allowances and crisis measures pages', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    "shows HR March 2021's payroll with its total, downloads it as CSV, lists the crisis measures and sees them under the yearly report",
    running,
    async ({ page, a11y }) => {
      // The demo's own agreements: Eva Expert, 2 structural days a week since September 2020 (the
      // connection's 20 € and, at 8 days a month, the full 50 € of office costs); Alain Agent, 4
      // occasional days a month (20 € and 4 of 8 days of 50 €). The total is the API's, for everyone.
      const app = running.server.app;
      const hr = await login(app, 'hr', DEMO_PASSWORD);
      const { totalCents, lines: entitled } = (
        await app.inject({ url: '/api/v1/telework/allowances/payroll?month=2021-03', headers: asSession(hr) })
      ).json() as { totalCents: number; lines: unknown[] };
      const euros = `€${(totalCents / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`;

      await logIn(page, 'hr', { language: 'English (EN)' });
      await nav(page, 'Telework allowances');
      await expectHeading(page, 'Telework allowances');
      // The demo rates: 20 € for the connection since 2014, 50 € of office costs since 2021.
      const rates = page.getByRole('region', { name: 'Monthly rates' });
      await expect.poll(() => rates.getByRole('row').count()).toBe(3);
      await expect.poll(() => rates.textContent()).toContain('€50.00');

      await page.getByLabel('Month', { exact: true }).fill('2021-03');
      const payroll = page.getByRole('region', { name: "The month's list for payroll" });
      await expect.poll(() => payroll.getByTestId('payroll-total').textContent()).toBe(euros);
      const eva = payroll.getByRole('row', { name: /Eva Expert/ });
      await expect.poll(() => eva.textContent()).toContain('€70.00');
      const alain = payroll.getByRole('row', { name: /Alain Agent/ });
      await expect.poll(() => alain.textContent()).toContain('€45.00');
      await a11y.check(page, 'telework allowances');

      const download = page.waitForEvent('download');
      await payroll.getByRole('link', { name: 'Download CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('relais-telework-allowances-2021-03.csv');
      const stream = (await file.createReadStream()) as unknown as ReadableStream;
      const lines = (await new Response(stream).text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines).toHaveLength(entitled.length + 2);
      expect(lines.find((line) => line.includes('Eva Expert'))).toContain('7000');
      expect(lines.at(-1)).toMatch(/^Total/);
      expect(lines.at(-1)).toContain(String(totalCents));

      // Ending a rate asks for its last day; one before the start is refused beside the date.
      await rates.getByRole('button', { name: 'End: Indemnité de connexion internet' }).click();
      const dialog = page.getByRole('dialog', { name: 'End “Indemnité de connexion internet”' });
      await dialog.getByLabel('Last day').fill('2013-12-31');
      await dialog.getByRole('button', { name: 'End', exact: true }).click();
      await expect
        .poll(() => dialog.textContent())
        .toContain('The end date (2013-12-31) comes before the start date (2014-01-01).');
      await a11y.check(page, 'ending a rate');
      await dialog.getByLabel('Last day').fill('2030-12-31');
      await dialog.getByRole('button', { name: 'End', exact: true }).click();
      await expect
        .poll(() => rates.getByRole('status').first().textContent())
        .toBe('“Indemnité de connexion internet” is ended.');
      await expect
        .poll(() => rates.getByRole('row', { name: /connexion/ }).textContent())
        .toContain('31 Dec 2030');

      await nav(page, 'Crisis measures');
      await expectHeading(page, 'Crisis measures');
      const measures = page.getByRole('region', { name: 'Measures' });
      const mandatory = measures.getByRole('row', { name: /Télétravail obligatoire/ });
      await expect.poll(() => mandatory.textContent()).toContain('Telework mandatory');
      await expect.poll(() => mandatory.textContent()).toContain('Fabrice Logistique');
      await expect.poll(() => mandatory.textContent()).toContain('The whole institution');
      const relaxed = measures.getByRole('row', { name: /Trois jours de télétravail flexibles/ });
      await expect.poll(() => relaxed.textContent()).toContain('Relaxed cap: 3 days a week');
      await a11y.check(page, 'crisis measures');

      // The yearly report names the crisis periods of its years, under the chart.
      await nav(page, 'Telework statistics');
      await expectHeading(page, 'Telework statistics');
      await page.getByLabel('From', { exact: true }).fill('2020');
      await page.getByLabel('To', { exact: true }).fill('2021');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      const periods = page.getByRole('list', { name: 'Crisis measures during these years' });
      await expect
        .poll(() => periods.getByRole('listitem').allTextContents())
        .toEqual([
          expect.stringMatching(/^Trois jours de télétravail flexibles: from 1 Sept? 2020 to 18 Oct 2020$/),
          expect.stringMatching(/^Télétravail obligatoire: from 19 Oct 2020 to 8 Jun 2021$/),
        ]);
    },
  );
});
