import { describe, expect } from 'vitest';
import { brusselsDay } from '../../src/platform/db/time.js';
import { belgianHolidays } from '../../src/shared/belgian-holidays.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = brusselsDay();
const nextMonday = addDays(today, 8 - (new Date(`${today}T00:00:00Z`).getUTCDay() || 7));
const holidays = new Set(belgianHolidays(Number(nextMonday.slice(0, 4))).map((h) => h.date));
// Next week's Wednesday (or the first open day after Monday): within the booking horizon.
const DAY = [2, 1, 3, 4].map((n) => addDays(nextMonday, n)).find((d) => !holidays.has(d))!;
const dayName = new Intl.DateTimeFormat('en', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
}).format(new Date(`${DAY}T00:00:00Z`));

describe.each(DIALECTS)('%s: the weekly presence plan', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'plans next week with an office day and a desk booked in the same step, then the manager sees it in the team week',
    running,
    async ({ page, a11y, open }) => {
      await logIn(page, 'employee', { language: 'English (EN)' });
      await nav(page, 'My week');
      await expectHeading(page, 'My week');
      await page.getByRole('button', { name: 'Next week' }).click();
      await expect.poll(() => page.getByRole('row', { name: new RegExp(dayName) }).count()).toBe(1);
      const row = page.getByRole('row', { name: new RegExp(dayName) });

      // The whole day at the office, by keyboard-usable radio buttons named after the day and half.
      for (const half of ['Morning', 'Afternoon'])
        await row
          .getByRole('radiogroup', { name: `${dayName}, ${half}` })
          .getByRole('radio', { name: 'Office' })
          .check();
      // A floor, then one of its free desks that day.
      await row.getByRole('combobox', { name: `Floor for ${dayName}` }).selectOption({ index: 3 });
      const desks = row.getByRole('combobox', { name: `Free desk on ${dayName}` });
      await expect.poll(() => desks.locator('option').count()).toBeGreaterThan(1);
      const desk = await desks.locator('option').nth(1).getAttribute('value');
      await desks.selectOption(desk!);
      await a11y.check(page, 'my week with a desk chosen');

      await page.getByRole('button', { name: /^Save the week/ }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining('Week saved'));
      await expect.poll(() => row.textContent()).toContain(`Desk ${desk} booked (whole day)`);
      await expect.poll(() => page.getByText('This week is saved.').count()).toBe(1);
      await a11y.check(page, 'my week saved');

      // The desk is the workplace's booking: it shows among the person's bookings there too.
      await nav(page, 'Book a desk');
      await expectHeading(page, 'Book a desk');
      await expect
        .poll(() => page.getByText(desk!.replace(/^botanique-0\d-/, ''), { exact: false }).count())
        .toBeGreaterThan(0);

      // The manager's team week: Emma at the office that day, with a desk.
      const manager = await open();
      await logIn(manager.page, 'manager', { language: 'English (EN)' });
      await nav(manager.page, 'Team week');
      await expectHeading(manager.page, 'Team week');
      await manager.page.getByRole('button', { name: 'Next week' }).click();
      const headers = () => manager.page.getByRole('columnheader').allTextContents();
      await expect.poll(headers).toContain(dayName);
      const column = (await headers()).indexOf(dayName);
      const emma = manager.page.getByRole('row', { name: /Emma Employee/ });
      await expect.poll(() => emma.count()).toBe(1);
      await expect
        .poll(() =>
          emma
            .getByRole('cell')
            .nth(column - 1)
            .textContent(),
        )
        .toBe('Officedesk');
      await expect
        .poll(() => manager.page.getByRole('figure', { name: /Share of the team at the office/ }).count())
        .toBe(1);
      await a11y.check(manager.page, 'team week');

      // Her week in detail, read only: the same desk, and the read is the manager's to account for.
      await emma.getByRole('link', { name: 'Emma Employee' }).click();
      await expectHeading(manager.page, "Emma Employee's week");
      await expect
        .poll(() => manager.page.getByRole('row', { name: new RegExp(dayName) }).textContent())
        .toContain(`Desk ${desk} booked (whole day)`);
      await a11y.check(manager.page, "a report's week");
    },
    { timeout: 150_000 },
  );
});
