import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import {
  addDays,
  brusselsToday,
  isOpenDay,
  nextBookableDay,
} from '../../web/src/modules/workplace/bookable-days.js';
import {
  AccessibilityReport,
  BROWSER_TEST_TIMEOUT,
  expectHeading,
  logIn,
  nav,
  openPage,
  useServerAndBrowser,
} from './support.js';

type PlanDesk = { id: string; zone: string; x: number; y: number; features: string[] };
const PLAN_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../demo/floorplans/botanique.json',
);
const plan = JSON.parse(fs.readFileSync(PLAN_FILE, 'utf8')) as {
  floors: { id: string; desks: PlanDesk[] }[];
};
const floor3 = plan.floors[0]!.desks;
// The demo site keeps 1.5 m between people: a desk's neighbours in its row stand 1.4 m away.
const MIN_DISTANCE = 1.5;
const neighboursOf = (desk: PlanDesk) =>
  floor3.filter(
    (other) => other.id !== desk.id && Math.hypot(other.x - desk.x, other.y - desk.y) < MIN_DISTANCE,
  );
const deskById = (id: string) => floor3.find((desk) => desk.id === id)!;

/** The first open day of next week: a week whose bookings all lie ahead, so all can be cancelled. */
function openDayNextWeek(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  let day = addDays(today, 8 - weekday);
  while (!isOpenDay(day, [])) day = addDays(day, 1);
  return day;
}

const focusedDesk = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-desk') ?? null);
const lookOf = (page: Page, id: string) => page.locator(`svg [data-desk="${id}"]`).getAttribute('data-look');

/** Cancels every booking of "My bookings" that still holds a desk, one by one, as a person does. */
async function cancelAllMyBookings(page: Page): Promise<void> {
  const myBookings = page.getByRole('region', { name: 'My bookings' });
  await expect
    .poll(() => myBookings.getByRole('row').or(myBookings.getByText('You have no booking')).count())
    .toBeGreaterThan(0);
  for (
    let left = await myBookings.getByRole('button', { name: /^Cancel the booking/ }).count();
    left > 0;
    left--
  ) {
    await myBookings
      .getByRole('button', { name: /^Cancel the booking/ })
      .first()
      .click();
    await expect
      .poll(() => myBookings.getByRole('button', { name: /^Cancel the booking/ }).count())
      .toBe(left - 1);
  }
}

describe.each(DIALECTS)('%s: floor map', (dialect) => {
  const running = useServerAndBrowser(dialect);

  it(
    'books a desk with the keyboard, shows its neighbour too close, refuses a second desk in words, reads as a list, suggests a desk and cancels',
    async () => {
      const { context, page, problems } = await openPage(running.browser, running.server);
      const a11y = new AccessibilityReport(dialect);
      await logIn(page, 'employee', { language: 'English (EN)' });
      await nav(page, 'Book a desk');
      await expectHeading(page, 'Book a desk');

      // The map opens on the next open day; the test books next week, where every booking can be undone.
      const today = brusselsToday();
      const dayInput = page.getByLabel('Day', { exact: true });
      await expect.poll(() => dayInput.inputValue()).toBe(nextBookableDay(today, [], 14));
      await cancelAllMyBookings(page);
      await dayInput.fill(openDayNextWeek(today));
      await expect.poll(() => page.locator('#wp-plan-title').textContent()).toContain('Floor 3');
      await expect.poll(() => page.locator('svg [data-desk]').count()).toBe(120);
      await a11y.check(page, 'floor map');

      // The feature filter keeps only the desks that have it within reach (the others are faded).
      const reachable = page.locator('svg g[role="button"][data-desk]');
      const adjustable = floor3.filter((desk) => desk.features.includes('height-adjustable')).length;
      expect(adjustable).toBeGreaterThan(0);
      await page.getByText('Height-adjustable', { exact: true }).click();
      await expect.poll(() => reachable.count()).toBe(adjustable);
      await page.getByText('Height-adjustable', { exact: true }).click();
      await expect.poll(() => reachable.count()).toBe(120);

      // Tab from the view switch onto the plan: one stop, on the first desk.
      await page.getByRole('radio', { name: 'Plan' }).focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => focusedDesk(page)).toBe('botanique-03-A-001');

      // Along the first rows with the right arrow, to a free desk whose row neighbours are free too.
      let target: PlanDesk | undefined;
      for (let step = 0; step < 30 && !target; step++) {
        const desk = deskById((await focusedDesk(page))!);
        const isCandidate =
          (await lookOf(page, desk.id)) === 'free' &&
          (await Promise.all(neighboursOf(desk).map((n) => lookOf(page, n.id)))).every(
            (look) => look === 'free',
          );
        if (isCandidate) target = desk;
        else await page.keyboard.press('ArrowRight');
      }
      expect(target, 'a free desk with free neighbours in the first rows').toBeDefined();
      const neighbour = neighboursOf(target!)[0]!;
      // Down and back up returns to the same desk: the arrows move between rows too.
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => focusedDesk(page)).not.toBe(target!.id);
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => focusedDesk(page)).toBe(target!.id);

      // Enter chooses the desk, Enter again confirms (Book has the focus).
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Book this desk?' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await a11y.check(page, 'booking confirmation');
      await page.keyboard.press('Enter');
      const short = target!.id.replace('botanique-03-', '');
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining(`Desk ${short} is booked for you`));
      await expect.poll(() => lookOf(page, target!.id)).toBe('mine');
      await expect.poll(() => lookOf(page, neighbour.id)).toBe('too_close');
      expect(await page.locator(`svg [data-desk="${neighbour.id}"]`).getAttribute('aria-label')).toContain(
        'Too close to a booked desk',
      );
      await expect.poll(() => focusedDesk(page)).toBe(target!.id);
      await a11y.check(page, 'floor map after booking');

      // Escape leaves the plan for what follows it.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wp-zones');

      // The list view: the same desks as a table; booking a second desk for the same time is refused in words.
      await page.getByText('List', { exact: true }).click();
      const table = page.getByRole('table', { name: /Desks of Floor 3/ });
      await expect.poll(() => table.locator('tr[data-desk]').count()).toBe(120);
      expect(await table.locator(`tr[data-desk="${neighbour.id}"]`).textContent()).toContain('Too close');
      expect(await table.locator(`tr[data-desk="${target!.id}"]`).textContent()).toContain('Booked by you');
      await a11y.check(page, 'desk list');
      await table
        .getByRole('button', { name: /^Book desk / })
        .first()
        .click();
      await page
        .getByRole('dialog', { name: 'Book this desk?' })
        .getByRole('button', { name: 'Book' })
        .click();
      await expect
        .poll(() => page.getByRole('alert').allTextContents())
        .toContainEqual(expect.stringContaining(`already has a desk for that time (desk ${target!.id})`));
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('wp-plan-title');

      // My bookings lists the new booking; on a phone nothing runs off the side of the page.
      const myBookings = page.getByRole('region', { name: 'My bookings' });
      await expect.poll(() => myBookings.getByText(target!.id).count()).toBe(1);
      // It says by when to check in at the desk (the site's time for a whole day: 10:00 by default).
      expect(await myBookings.locator('tr', { hasText: target!.id }).textContent()).toContain(
        'check in at the desk by 10:00',
      );
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByText('Plan', { exact: true }).click();
      await expect.poll(() => page.locator('svg [data-desk]').count()).toBe(120);
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
        .toBeLessThanOrEqual(0);
      await a11y.check(page, 'floor map on a phone');

      // "Suggest a desk" puts the focus on a free desk, named in words.
      await page.getByRole('button', { name: 'Suggest a desk' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringMatching(/^Suggested: desk [A-C]-\d{3} in Wing [A-C]/));
      const suggested = await focusedDesk(page);
      expect(suggested).not.toBeNull();
      expect(await lookOf(page, suggested!)).toBe('free');

      // Cancelling the booking frees the desk and its neighbour again.
      await myBookings
        .getByRole('button', { name: new RegExp(`^Cancel the booking of desk ${target!.id} `) })
        .click();
      await expect.poll(() => lookOf(page, target!.id)).toBe('free');
      await expect.poll(() => lookOf(page, neighbour.id)).toBe('free');

      a11y.assertClean();
      expect(problems).toEqual([]);
      await context.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
