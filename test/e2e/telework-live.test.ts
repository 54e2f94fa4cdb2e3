import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

// Today's situation (issue 14, point 5): any day's telework per unit, from the live agreements.

describe.each(DIALECTS)('%s: telework live figures page', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'shows the mandatory measure of November 2020 with the call center fully at home, and downloads the CSV',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'hr', { language: 'Nederlands (NL)' });
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Toestand van de dag', exact: true })
        .click();
      await expectHeading(page, 'Toestand van de dag');
      await expect.poll(() => page.locator('tr[data-unit="total"]').count()).toBe(1);

      await page.getByRole('textbox', { name: 'Dag' }).fill('2020-11-03');
      await page.getByRole('button', { name: 'Tonen' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe('2020-11-03');
      // The measure in force that day, named in the reader's language, above the figures.
      const notices = () => page.locator('main .mantine-Alert-root').allTextContents();
      await expect.poll(() => notices().then((texts) => texts.join(' | '))).toContain('Verplicht telewerk');
      expect((await notices()).join(' | ')).toContain('Crisismaatregelen van kracht op 3 november 2020');

      const callCenter = page.locator('tr[data-unit="call-center"]');
      await expect.poll(() => callCenter.count()).toBe(1);
      const cells = await callCenter.getByRole('cell').allTextContents();
      const [headcount, full, fullPct] = cells;
      expect(Number(headcount)).toBeGreaterThan(0);
      expect(full).toBe(headcount);
      expect(fullPct).toBe('100,00 %');
      await a11y.check(page, 'telework live figures');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'CSV downloaden' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('telework-live-2020-11-03.csv');
      const stream = (await file.createReadStream()) as unknown as ReadableStream;
      const lines = (await new Response(stream).text()).trim().split(/\r?\n/);
      expect(lines[0]).toContain('Volledig telewerk');
      expect(lines.find((line) => line.includes('100'))).toBeDefined();
      expect(lines.at(-1)).toMatch(/^"?Totaal/);
    },
    { strict: true },
  );
});
