import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildInquiry, buildPerson } from '../../src/test-support/factories.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Whether anything on the page sticks out sideways (a phone's reader would have to pan). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** What sticks out past the right edge, for a failure that says where to look. */
const widestElements = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      // What scrolls within its own box (a wide table) does not move the page.
      .filter((element) => {
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement)
          if (getComputedStyle(up).overflowX !== 'visible') return false;
        return true;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').slice(0, 60)}"`),
  );

/** Whether the element lies wholly within the window, as it is scrolled now. */
const isInView = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

// Issue 12, point 4: one clear next step, and nothing out of reach on a phone.
describe.each(DIALECTS)('%s: one clear next step', (dialect) => {
  const running = useServerAndBrowser(dialect);

  browserTest(
    'keeps the new call’s answer button in view while the suggestions load and grow, at 1280×900 and on a phone',
    running,
    async ({ page, a11y }) => {
      await logIn(page, 'agent', { language: 'English (EN)' });
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        await page.goto('/inquiries/new');
        await expectHeading(page, 'New call');
        const question = page.locator('textarea[name="question"]');
        await question.pressSequentially('droit passerelle indépendant', { delay: 10 });
        // While they load, and once they are all there, the answer is on screen.
        expect(await isInView(page, '[data-call-actions]')).toBe(true);
        await expect.poll(() => page.getByRole('listbox').getByRole('option').count()).toBeGreaterThan(3);
        expect(await isInView(page, '[data-call-actions]')).toBe(true);
        const answer = page.getByRole('button', { name: /^Answer with/ });
        expect(await answer.isVisible()).toBe(true);
        expect(await overflowsSideways(page), (await widestElements(page)).join('\n')).toBe(false);
        await a11y.check(page, `new call with suggestions (${viewport.width}px)`);
      }
    },
  );

  browserTest(
    'offers an expert one primary action on an escalated inquiry, the others folded and opened from the keyboard',
    running,
    async ({ page, a11y }) => {
      const agent = await buildPerson(running.server.app, { roles: ['agent'] });
      const { ref } = await buildInquiry(running.server.app, {
        by: agent,
        status: 'escalated',
        team: 'audit-externe',
        question: 'Mon comptable dit que je n’ai pas droit au droit passerelle : est-ce exact ?',
      });
      await logIn(page, 'expert', { language: 'English (EN)' });
      await page.goto(`/inquiries/${ref}`);
      await expectHeading(page, `Inquiry ${ref}`);
      const actions = page.getByRole('region', { name: 'Actions', exact: true });
      // Escalated to the expert's team: taking it is the one thing to do; no form stands open.
      const take = actions.locator('[data-next-step="claim"]').getByRole('button', { name: `Take ${ref}` });
      await expect.poll(() => take.count()).toBe(1);
      expect(await actions.getByRole('form').count()).toBe(0);
      await a11y.check(page, 'inquiry page: take it');

      await take.click();
      // Now the expert's own: the answer is the primary, open; the rest wait behind their buttons.
      const primary = actions.locator('[data-next-step="answer"]');
      await expect.poll(() => primary.getByRole('form', { name: 'Answer', exact: true }).count()).toBe(1);
      expect(await actions.getByRole('form').count()).toBe(1);
      const others = actions.getByRole('group', { name: 'Other actions' });
      const askFund = others.getByRole('button', { name: 'Ask a fund' });
      expect(await askFund.getAttribute('aria-expanded')).toBe('false');
      await askFund.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => actions.getByRole('form', { name: 'Ask a fund' }).count()).toBe(1);
      expect(await askFund.getAttribute('aria-expanded')).toBe('true');
      // One at a time: opening another folds the first.
      await others.getByRole('button', { name: 'Flag for follow-up' }).press('Enter');
      await expect.poll(() => actions.getByRole('form', { name: 'Flag for follow-up' }).count()).toBe(1);
      expect(await actions.getByRole('form', { name: 'Ask a fund' }).count()).toBe(0);
      await a11y.check(page, 'inquiry page: answer, flag open');

      await page.setViewportSize(PHONE);
      await expect.poll(() => overflowsSideways(page), { timeout: 10_000 }).toBe(false);
    },
  );

  browserTest(
    'lets nothing overflow sideways on a phone on any page of the agent, the expert or the manager, in Dutch',
    running,
    async ({ open }) => {
      const { ref } = await buildInquiry(running.server.app, {
        status: 'escalated',
        team: 'audit-externe',
        question:
          'Une très longue question sans espaces: https://www.inasti.be/fr/droit-passerelle/conditions-et-montants-2020',
        requester: { name: 'Lise Martin', email: 'lise.martin.avec.une.adresse.tres.longue@example.be' },
      });
      const overflowing = await pagesOverflowing(open, ['agent', 'expert', 'manager'], [`/inquiries/${ref}`]);
      expect(overflowing).toEqual([]);
    },
    { timeout: 240_000 },
  );

  browserTest(
    'lets nothing overflow sideways on a phone on any page of HR, facility, an editor or a fund, in Dutch',
    running,
    async ({ open }) => {
      expect(await pagesOverflowing(open, ['hr', 'facility', 'editor', 'partner.cna'])).toEqual([]);
    },
    { timeout: 240_000 },
  );
});

/** Every page of each person's navigation (and the extra paths) that scrolls sideways on a phone, in Dutch. */
async function pagesOverflowing(
  open: () => Promise<{ page: Page }>,
  usernames: readonly string[],
  extraPaths: readonly string[] = [],
): Promise<string[]> {
  const overflowing: string[] = [];
  for (const username of usernames) {
    const { page } = await open();
    // Dutch: its labels run longest.
    await logIn(page, username, { language: 'Nederlands (NL)' });
    // The navigation follows the session and the language: wait until it stands, in Dutch.
    const navigation = page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link');
    await expect.poll(() => navigation.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const links = await navigation.evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
    );
    const paths = [...new Set([...links.filter((href) => href.startsWith('/')), ...extraPaths])];
    expect(paths.length).toBeGreaterThan(1);
    await page.setViewportSize(PHONE);
    for (const path of paths) {
      await page.goto(path);
      await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      if (await overflowsSideways(page))
        overflowing.push(`${username} ${path}: ${(await widestElements(page)).join(', ')}`);
    }
  }
  return overflowing;
}
