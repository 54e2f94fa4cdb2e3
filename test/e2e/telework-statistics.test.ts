import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { readWorkbook } from '../../src/test-support/xlsx.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: telework statistics page', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    "shows the demo SPF's yearly report with 2009's 30.71 %, the target line, and downloads the XLSX",
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'hr', { language: 'English (EN)' });
      await nav(page, 'Telework statistics');
      await expectHeading(page, 'Telework statistics');
      const table = page.getByRole('table');
      await expect.poll(() => table.getByRole('columnheader', { name: '2009' }).count()).toBe(1);
      const share = table.getByRole('row', { name: /^Teleworkers \(% of headcount\)/ });
      await expect.poll(() => share.textContent()).toContain('30.71 %');
      await expect.poll(() => page.getByText('Target 30.00 %').count()).toBeGreaterThan(0);
      await a11y.check(page, 'telework statistics');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download XLSX' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('relais-telework-spf-securite-sociale-2009-2013.xlsx');
      const stream = (await file.createReadStream()) as unknown as ReadableStream;
      const sheet = (await readWorkbook(new Uint8Array(await new Response(stream).arrayBuffer())))
        .worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([undefined, 'Figure', '2009', '2010', '2011', '2012', '2013']);
      expect(sheet.getRow(4).values).toEqual([
        undefined,
        'Teleworkers (% of headcount)',
        30.71,
        45.02,
        46.48,
        47.93,
        49.92,
      ]);
    },
  );
});
