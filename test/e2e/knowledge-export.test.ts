import fs from 'node:fs';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { pageText, readPdfText } from '../../src/test-support/pdf-text.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: the FAQ export page', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'starts an export, follows its progress to the end and downloads the PDF; a fund exports its own entries as HTML',
    running,
    async ({ a11y, open }) => {
      const agent = await open();
      const { page } = agent;
      await logIn(page, 'agent', { language: 'English (EN)' });
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Export / print' })
        .click();
      await expectHeading(page, 'Export / print');
      await page.locator('input[name="as_of"]').fill('2020-04-15');
      expect(await page.getByRole('radio', { name: 'French and Dutch side by side' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'PDF' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Internal use (all entries)' }).isChecked()).toBe(true);
      await a11y.check(page, 'export form');

      await page.getByRole('button', { name: 'Start the export' }).click();
      await page.waitForURL(/\/knowledge\/export\?export=[0-9a-f-]{36}$/);
      const bar = page.getByRole('progressbar', { name: 'Progress of the export' });
      const seen = new Set<string>();
      await expect
        .poll(
          async () => {
            const value = (await bar.getAttribute('aria-valuenow')) ?? '';
            seen.add(value);
            return value;
          },
          { timeout: 30_000, interval: 50 },
        )
        .toBe('100');
      const status = page.getByRole('status').filter({ hasText: 'Finished' });
      // 92 entries of the corpus valid that day, and the ICT helpdesk's 4 internal ones.
      await expect.poll(() => status.textContent()).toMatch(/^Finished: \d+ pages, 96 entries, \d+ kB$/);
      await a11y.check(page, 'export finished');

      const link = page.getByRole('link', { name: 'Download faq-2020-04-15-fr-nl.pdf' });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('faq-2020-04-15-fr-nl.pdf');
      const pdf = readPdfText(fs.readFileSync((await download.path())!));
      expect(pageText(pdf, 1)).toContain('Situation au 15 avril 2020 / Stand van zaken op 15 april 2020');
      expect((await status.textContent())!).toContain(`${pdf.pageCount} pages`);
      // The recent exports list it, with its file.
      await expect
        .poll(() =>
          page.getByRole('region', { name: 'Your recent exports' }).getByRole('link').allTextContents(),
        )
        .toEqual(['faq-2020-04-15-fr-nl.pdf']);
      await a11y.check(page, 'recent exports');
      const problems = [...agent.problems];
      await agent.context.close();

      // A fund's user: public and partner entries only, never the internal ones.
      const fund = await open();
      await logIn(fund.page, 'partner.acerta', { language: 'English (EN)' });
      await fund.page.goto('/knowledge/export');
      await expectHeading(fund.page, 'Export / print');
      expect(await fund.page.getByRole('radio', { name: 'Internal use (all entries)' }).count()).toBe(0);
      expect(await fund.page.getByRole('radio', { name: 'Partner funds' }).isChecked()).toBe(true);
      await fund.page.locator('input[name="as_of"]').fill('2020-04-15');
      await fund.page.getByRole('radio', { name: 'Dutch', exact: true }).check();
      await fund.page.getByRole('radio', { name: 'HTML page to print' }).check();
      await fund.page.getByRole('button', { name: 'Start the export' }).click();
      const html = fund.page.getByRole('link', { name: 'Download faq-2020-04-15-nl-partners.html' });
      await html.waitFor({ timeout: 30_000 });
      const [page2] = await Promise.all([fund.page.waitForEvent('download'), html.click()]);
      const text = fs.readFileSync((await page2.path())!, 'utf8');
      expect(text).toContain('<html lang="nl-BE">');
      expect(text).not.toContain('Intern gebruik');
      problems.push(...fund.problems);
      await fund.context.close();

      a11y.assertClean();
      expect(problems).toEqual([]);
    },
  );
});
