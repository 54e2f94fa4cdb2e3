import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { idsOfUsernames } from '../../src/modules/directory/index.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { readPdfText } from '../../src/test-support/pdf-text.js';
import { brusselsToday } from '../../web/src/modules/workplace/bookable-days.js';
import {
  browserTest,
  expectHeading,
  logIn,
  nav,
  type ServerAndBrowser,
  useServerAndBrowser,
} from './support.js';

// The QR code on a desk opens its check-in page on a phone; facility managers follow the offices'
// occupancy and print the QR codes. On the demo building (botanique), its staff and their bookings.

type Db = ServerAndBrowser['server']['app']['db'];

/**
 * Gives the demo employee one booking to check in today on a desk nobody holds today, written
 * straight into the table: the booking rules may refuse today (a weekend, a public holiday, her three
 * office days of the week already booked by the demo), and checking in is what is under test here.
 * Her other bookings of today are cancelled, so the page has exactly one booking to speak of.
 */
async function bookTodayForEmployee(db: Db): Promise<string> {
  // The release job runs as the server starts, then every 15 minutes: past 10:00 it would free the
  // booking before the test checks in. Its first run over, the next one comes after the test.
  await expect
    .poll(
      async () =>
        (
          await db
            .selectFrom('platform_job')
            .select('id')
            .where('kind', '=', 'workplace.release_no_shows')
            .where('status', '=', 'done')
            .execute()
        ).length,
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const today = brusselsToday();
  const emma = (await idsOfUsernames(db, ['employee'])).get('employee')!;
  await db
    .updateTable('workplace_booking')
    .set({ status: 'cancelled', cancelled_at: new Date().toISOString() })
    .where('person_id', '=', emma)
    .where('booked_on', '=', today)
    .execute();
  const held = await db
    .selectFrom('workplace_booking')
    .select('desk_id')
    .where('booked_on', '=', today)
    .where('status', 'in', ['booked', 'checked_in', 'released'])
    .execute();
  const taken = new Set(held.map((row) => row.desk_id));
  const free = await db
    .selectFrom('workplace_desk')
    .select('id')
    .where('floor_id', '=', 'botanique-05')
    .where('is_blocked', '=', 0)
    .where('is_retired', '=', 0)
    .orderBy('id', 'desc')
    .execute();
  const desk = free.map((row) => row.id).find((id) => !taken.has(id))!;
  const now = new Date().toISOString();
  await db
    .insertInto('workplace_booking')
    .values({
      id: randomUUID(),
      desk_id: desk,
      floor_id: 'botanique-05',
      person_id: emma,
      booked_on: today,
      slot: 'day',
      status: 'booked',
      created_by: emma,
      created_at: now,
      updated_at: now,
      checked_in_at: null,
      released_at: null,
      cancelled_at: null,
    })
    .execute();
  return desk;
}

const horizontalOverflow = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(DIALECTS)('%s: desk check-in and occupancy', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'checks the employee in from the QR code on a phone, after logging in, and says there is nothing to check in at another desk',
    running,
    async ({ page, a11y }) => {
      const desk = await bookTodayForEmployee(running.server.app.db);
      await page.setViewportSize({ width: 390, height: 844 });

      // Scanned while logged out: the login page, then straight back to the desk's page.
      await page.goto(`/workplace/check-in/${desk}`);
      await page.waitForURL(/\/login\?returnTo=/);
      await logIn(page, 'employee');
      expect(new URL(page.url()).pathname).toBe(`/workplace/check-in/${desk}`);
      await expectHeading(page, 'Check in at your desk');
      await expect.poll(() => page.getByRole('heading', { name: desk }).count()).toBe(1);
      expect(await page.locator('main').textContent()).toContain('Floor 5, Centre administratif Botanique');
      // Before 10:00 the deadline is ahead; after it, the booking can be checked in until the job frees it.
      expect(await page.locator('main').textContent()).toMatch(
        /Your booking today: Whole day\. (Check in before 10:00|The deadline \(10:00\) has passed: check in now)/,
      );
      await a11y.check(page, 'check-in page on a phone');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await page.getByRole('button', { name: 'Check in', exact: true }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringMatching(new RegExp(`Checked in at desk ${desk} at \\d{2}:\\d{2}\\.`)));
      expect(await page.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(0);
      const stored = await running.server.app.db
        .selectFrom('workplace_booking')
        .select(['status', 'checked_in_at'])
        .where('desk_id', '=', desk)
        .where('booked_on', '=', brusselsToday())
        .where('status', '!=', 'cancelled')
        .executeTakeFirstOrThrow();
      expect(stored.status).toBe('checked_in');
      await a11y.check(page, 'checked in');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // Scanning again says so, with the time.
      await page.reload();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringMatching(/Already checked in.*at \d{2}:\d{2}\./));

      // Another desk: no booking of hers, and the way to the floor map.
      const other = 'botanique-03-A-013';
      await page.goto(`/workplace/check-in/${other}`);
      await expect.poll(() => page.getByRole('heading', { name: other }).count()).toBe(1);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain(`You have no booking of desk ${other} today.`);
      expect(await page.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await a11y.check(page, 'no booking on a phone');
      await page.getByRole('link', { name: 'Open the floor map' }).click();
      await expectHeading(page, 'Book a desk');
    },
  );

  browserTest(
    "shows the demo building's occupancy as charts and the same figures as a table, to download, with the QR sheets",
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'facility', { language: 'English (EN)' });
      await nav(page, 'Desk occupancy');
      await expectHeading(page, 'Desk occupancy');
      const table = page.getByRole('table', { name: 'The same figures as a table' });
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('main').textContent()).toContain('A no-show is a booking nobody checked in');

      // The table shows the site's figures of each open day of the period, as the API gives them.
      const from = await page.locator('input[name="from"]').inputValue();
      const to = await page.locator('input[name="to"]').inputValue();
      const api = await page.request.get(`/api/v1/workplace/occupancy?site=botanique&from=${from}&to=${to}`);
      expect(api.status()).toBe(200);
      const figures = ((await api.json()) as { figures: Record<string, unknown>[] }).figures;
      const siteDays = figures.filter(
        (f) => f.level === 'site' && /^\d{4}-\d{2}-\d{2}$/.test(String(f.period)),
      );
      expect(siteDays.reduce((sum, f) => sum + Number(f.bookings), 0)).toBeGreaterThan(0);
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
        );
      expect(rows.map((row) => row[0])).toEqual(siteDays.map((f) => f.period));
      expect(rows.map((row) => row.slice(1, 6).map(Number))).toEqual(
        siteDays.map((f) => [f.bookings, f.checkIns, f.noShows, f.peakPeople, f.capacity]),
      );
      // Both charts are drawn, with their bars.
      for (const chart of ['bookings', 'capacity'])
        await expect
          .poll(() => page.locator(`[data-chart="${chart}"] .recharts-bar-rectangle`).count())
          .toBeGreaterThan(0);
      await a11y.check(page, 'occupancy by day');

      // One zone, week by week.
      await page
        .getByLabel('Floor', { exact: true })
        .and(page.locator('input'))
        .filter({ visible: true })
        .click();
      await page.getByRole('option', { name: 'Floor 3' }).click();
      await page
        .getByLabel('Zone', { exact: true })
        .and(page.locator('input'))
        .filter({ visible: true })
        .click();
      await page.getByRole('option', { name: 'Wing A' }).click();
      await page.getByText('Week', { exact: true }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Wing A, Floor 3');
      const zoneWeeks = figures.filter(
        (f) => f.level === 'zone' && f.id === 'botanique-03-A' && /W/.test(String(f.period)),
      );
      await expect
        .poll(() => table.locator('tbody tr th').allTextContents())
        .toEqual(zoneWeeks.map((f) => f.period));
      await a11y.check(page, 'occupancy of a zone by week');

      // The downloads are the same route's CSV and Excel.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download' }).click();
      await expect.poll(() => page.getByRole('menuitem', { name: 'Excel' }).count()).toBe(1);
      await page.getByRole('menuitem', { name: 'CSV' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`relais-occupancy-botanique-${from}-${to}.csv`);
      const csv = await new Response((await file.createReadStream()) as unknown as ReadableStream).text();
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(figures.length + 1);

      // A QR sheet per floor, for the facility manager to print.
      const qr = page.getByRole('link', { name: 'Print the QR codes: Floor 3, 120 desks (PDF)' });
      const href = await qr.getAttribute('href');
      expect(href).toBe('/api/v1/workplace/floors/botanique-03/qr-sheet.pdf');
      const pdf = await page.request.get(href!);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const text = readPdfText(await pdf.body());
      expect(text.pageCount).toBe(10);
      expect(text.fragments.map((f) => f.text)).toContain('botanique-03-A-001');
    },
  );

  browserTest(
    'draws up the contact report of a person for a health service, in words, audited, and downloads it',
    running,
    async ({ page, a11y }) => {
      // The demo person who sat most often in the last two weeks: the demo seeds past bookings.
      const db = running.server.app.db;
      const today = brusselsToday();
      const from = new Date(Date.parse(`${today}T00:00:00Z`) - 13 * 86_400_000).toISOString().slice(0, 10);
      const rows = await db
        .selectFrom('workplace_booking as b')
        .innerJoin('directory_person as p', 'p.id', 'b.person_id')
        .select(['p.username as username'])
        .where('b.booked_on', '>=', from)
        .where('b.booked_on', '<=', today)
        .where('b.status', 'in', ['booked', 'checked_in'])
        .execute();
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.username, (counts.get(row.username) ?? 0) + 1);
      const person = [...counts].sort((a, b) => b[1] - a[1])[0]![0];

      await logIn(page, 'facility', { language: 'English (EN)' });
      await nav(page, 'Contact report');
      await expectHeading(page, 'Contact report');
      expect(await page.locator('input[name="from"]').inputValue()).toBe(from);
      expect(await page.locator('input[name="to"]').inputValue()).toBe(today);

      // Without a reason the report is refused, and the field says why.
      await page.locator('input[name="person"]').fill(person);
      await page.getByRole('button', { name: 'Draw up the report' }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
      expect(await page.locator('main').textContent()).toMatch(/Reason/);
      await a11y.check(page, 'contact report refused without a reason');

      const reason = 'Health service request HS-2026-114 after a positive test';
      await page.locator('textarea[name="reason"]').fill(reason);
      await page.getByRole('button', { name: 'Draw up the report' }).click();
      const api = await page.request.get(
        `/api/v1/workplace/contact-report?person=${person}&from=${from}&to=${today}&distance=2&reason=${encodeURIComponent(reason)}`,
      );
      const report = (await api.json()) as { contacts: unknown[]; person: { name: string } };
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining(`of ${report.person.name} from`));
      if (report.contacts.length > 0) {
        const table = page.getByRole('table', { name: `Contacts of ${report.person.name}` });
        await expect.poll(() => table.locator('tbody tr').count()).toBe(report.contacts.length);
        expect(await table.locator('tbody').textContent()).toMatch(/\d m/);
        await page.getByRole('button', { name: 'Download' }).click();
        const csv = page.getByRole('menuitem', { name: 'CSV' });
        expect(await csv.getAttribute('href')).toContain('format=csv');
        expect(await csv.getAttribute('href')).toContain('reason=');
        await page.keyboard.press('Escape');
      } else {
        expect(await page.locator('main').textContent()).toContain('Nobody was booked near this person');
      }
      await a11y.check(page, 'contact report');

      // Each report, the page's and the check above, is in the audit log with its reason.
      const audited = await db
        .selectFrom('audit_log')
        .select('summary')
        .where('action', '=', 'workplace.contact_report_read')
        .execute();
      expect(
        audited.filter((row) => String(row.summary).includes('HS-2026-114')).length,
      ).toBeGreaterThanOrEqual(2);
    },
  );
});
