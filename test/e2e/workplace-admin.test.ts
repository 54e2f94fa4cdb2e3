import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import { brusselsToday } from '../../src/shared/brussels-day.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

const DESK = 'botanique-03-A-020';

/** Two back-office colleagues (who book nothing in the demo) on desks 1.5 to 3 m apart, next Wednesday. */
async function bookNeighbours(db: Kysely<any>): Promise<void> {
  const desks = await db
    .selectFrom('workplace_desk')
    .select(['id', 'floor_id', 'x', 'y'])
    .where('is_blocked', '=', 0)
    .where('is_retired', '=', 0)
    .where('id', '!=', DESK)
    .execute();
  const pair = desks
    .flatMap((a) => desks.map((b) => [a, b] as const))
    .find(([a, b]) => a.floor_id === b.floor_id && a.id < b.id && inRange(Math.hypot(a.x - b.x, a.y - b.y)));
  if (!pair) throw new Error('the demo plan has no two desks 1.5 to 3 m apart');
  const people = await db
    .selectFrom('directory_person')
    .select('id')
    .where('username', 'in', ['staff001', 'staff002'])
    .execute();
  const today = brusselsToday();
  const monday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
  const wednesday = addDays(monday, 9);
  const now = new Date().toISOString();
  await db
    .insertInto('workplace_booking')
    .values(
      pair.map((desk, i) => ({
        id: randomUUID(),
        desk_id: desk.id,
        floor_id: desk.floor_id,
        person_id: people[i]!.id,
        booked_on: wednesday,
        slot: 'day',
        status: 'booked',
        created_by: people[i]!.id,
        created_at: now,
        updated_at: now,
        checked_in_at: null,
        released_at: null,
        cancelled_at: null,
      })),
    )
    .execute();
}

const inRange = (metres: number) => metres >= 1.5 && metres < 2.9;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe.each(DIALECTS)('%s: desks, zones and rules (facility managers)', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'blocks a desk with a reason and sees it blocked on the floor map; a stricter distance lists the demo bookings it breaks and their people are told; a zone of one person lists its full days',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'facility', { language: 'English (EN)' });
      await nav(page, 'Desks, zones and rules');
      await expectHeading(page, 'Desks, zones and rules');

      // The desks of the first floor, as a table a manager filters.
      const desks = page.getByRole('table', { name: /desks? of Floor 3/ });
      await expect.poll(() => desks.locator('tr[data-desk]').count()).toBe(120);
      await a11y.check(page, 'desks administration');
      await page.getByLabel('Find a desk').fill('A-020');
      await expect.poll(() => desks.locator('tr[data-desk]').count()).toBe(1);

      // Blocking needs a reason: the form says so beside the field, then blocks it.
      await desks.getByRole('button', { name: 'Edit desk A-020' }).click();
      const dialog = page.getByRole('dialog', { name: 'Desk A-020' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await dialog.getByRole('switch', { name: 'Blocked: nobody can book it' }).check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      const reason = dialog.getByRole('textbox', { name: 'Reason' });
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => dialog.textContent()).toContain('This field is required.');
      await a11y.check(page, 'desk dialog with an error');
      await reason.fill('Chair broken');
      await dialog.getByRole('checkbox', { name: 'Quiet area' }).check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining('Desk A-020 is saved.'));
      await expect
        .poll(() => desks.locator(`tr[data-desk="${DESK}"]`).textContent())
        .toContain('Blocked: Chair broken');
      expect(await desks.locator(`tr[data-desk="${DESK}"]`).textContent()).toContain('Quiet area');

      // Colleagues see it blocked on the floor map, with the reason in the list view.
      await nav(page, 'Book a desk');
      await expectHeading(page, 'Book a desk');
      await expect
        .poll(() => page.locator(`svg [data-desk="${DESK}"]`).getAttribute('data-look'))
        .toBe('blocked');
      await page.getByText('List', { exact: true }).click();
      await expect
        .poll(() => page.locator(`tr[data-desk="${DESK}"]`).textContent())
        .toContain('Not bookable (Chair broken)');

      // The rules of the site: each explained; a wrong value is named beside its field.
      await nav(page, 'Desks, zones and rules');
      await expectHeading(page, 'Desks, zones and rules');
      await page.getByRole('tab', { name: 'Booking rules' }).click();
      const distance = page.getByRole('textbox', { name: 'Minimum distance (metres)' });
      await expect.poll(() => distance.inputValue()).toBe('1.5');
      await a11y.check(page, 'booking rules');
      await distance.fill('');
      await page.getByRole('button', { name: 'Save the rules' }).click();
      await expect.poll(() => distance.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => page.getByRole('region', { name: /Booking rules of/ }).textContent())
        .toContain('This field is required.');

      // Three metres apart: neighbours booked by the demo staff are now too close. Late in the week
      // the demo's random bookings may hold no such pair, so two colleagues book desks 1.5-3 m apart
      // next Wednesday, as the 1.5 m rule allows.
      await bookNeighbours(running.server.app.db);
      await distance.fill('3');
      await page.getByRole('button', { name: 'Save the rules' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining('The rules of Centre administratif Botanique are saved.'));
      const breaks = page.getByRole('region', { name: 'Bookings the change now refuses' });
      const refused = breaks.getByRole('table', { name: /bookings? refused/ });
      await expect.poll(() => refused.locator('tr[data-booking]').count()).toBeGreaterThan(0);
      // Mostly neighbours now too close (a booking of the desk just blocked would say so instead).
      const tooClose = refused.locator('tr[data-reason="too_close"]');
      expect(await tooClose.count()).toBeGreaterThan(0);
      expect(await tooClose.first().textContent()).toMatch(/less than 3 m\.$/);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wp-breaks-title');
      await a11y.check(page, 'bookings a rule change breaks');

      // One mail a person, through the outbox; the page says how many were queued.
      await breaks.getByRole('button', { name: 'Notify these people' }).click();
      await expect
        .poll(() => breaks.getByRole('status').textContent())
        .toMatch(/^\d+ mails? queued in the outbox\./);
      const queued = Number((await breaks.getByRole('status').textContent())!.match(/^(\d+)/)![1]);
      const mails = await running.server.app.db
        .selectFrom('platform_mail_outbox')
        .select(['to_address'])
        .where('source', '=', 'workplace')
        .where('object_ref', '=', 'botanique')
        .execute();
      expect(queued).toBeGreaterThan(0);
      expect(mails).toHaveLength(queued);
      expect(await breaks.getByRole('button', { name: 'Notify these people' }).isDisabled()).toBe(true);
      await a11y.check(page, 'people told');

      // A zone's own capacity overrides the site's: one person at once in Wing A lists its full days.
      await page.getByRole('tab', { name: 'Zones' }).click();
      const zones = page.getByRole('table', { name: 'Zones of Floor 3' });
      await expect.poll(() => zones.locator('tr[data-zone]').count()).toBe(3);
      await zones.getByRole('button', { name: 'Edit zone Wing A' }).click();
      const zoneDialog = page.getByRole('dialog', { name: 'Zone Wing A' });
      await expect.poll(() => zoneDialog.isVisible()).toBe(true);
      await zoneDialog.getByRole('radio', { name: 'A number of people' }).check();
      await zoneDialog.getByRole('textbox', { name: 'People' }).fill('1');
      await a11y.check(page, 'zone dialog');
      await zoneDialog.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => zones.locator('tr[data-zone="botanique-03-A"]').textContent())
        .toContain('1, its own: 1 person');
      await expect.poll(() => refused.locator('tr[data-booking]').count()).toBeGreaterThan(0);
      const zoneFull = await refused.locator('tr[data-booking]').count();
      expect(await refused.locator('tr[data-reason="zone_full"]').count()).toBe(zoneFull);
      expect(await refused.locator('tr[data-booking]').first().textContent()).toContain(
        'Zone botanique-03-A is full for that time',
      );
      await expect
        .poll(() => breaks.getByRole('button', { name: 'Notify these people' }).isDisabled())
        .toBe(false);
    },
    { timeout: 120_000 },
  );
});
