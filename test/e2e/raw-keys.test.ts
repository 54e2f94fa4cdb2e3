import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import en from '../../src/shared/locales/en.json' with { type: 'json' };
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildInquiry } from '../../src/test-support/factories.js';
import { AREAS } from '../../web/src/app/areas.js';
import { browserTest, logIn, useServerAndBrowser } from './support.js';

// Words, not codes (issue 12, point 6): every screen of the app, visited in French and in Dutch by
// people who may open it, shows no message key (`web.audit.actions.x`, `knowledge.review.title`)
// and no code that names one (`directory.person_created`) where a person should read words.

// The top-level namespaces of the locale files: a key shows itself as `<namespace>.<more>`.
const NAMESPACES = Object.keys(en);
const RAW_KEY = new RegExp(`(?<![\\w@./-])(?:${NAMESPACES.join('|')})(?:\\.[A-Za-z0-9_]+)+`, 'g');

/** Waits until the page's data has arrived: a heading, and no loader or busy table left. */
async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.locator('main h1').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect
    .poll(() => page.locator('main .mantine-Loader-root, main [aria-busy="true"]').count(), {
      timeout: 10_000,
    })
    .toBe(0);
  await page.waitForTimeout(200);
}

/** The raw keys in what the page shows, and in what it tells assistive technology. */
async function rawKeysOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // Not `title`: a code kept at hand as a tooltip (the audit's action filter takes it) is no label.
    const labelled = [...document.querySelectorAll('[aria-label], [placeholder]')].flatMap((el) =>
      ['aria-label', 'placeholder'].map((name) => el.getAttribute(name) ?? ''),
    );
    // What is rendered, not hidden text: innerText on purpose.
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
    return [document.title, document.body.innerText, ...labelled];
  });
  return [...new Set(texts.flatMap((text) => text.match(RAW_KEY) ?? []))];
}

const LANGUAGES = [
  ['fr', 'Français (FR)'],
  ['nl', 'Nederlands (NL)'],
] as const;

describe.each(DIALECTS)('%s: every screen in words', (dialect) => {
  const running = useServerAndBrowser(dialect);

  for (const [language, button] of LANGUAGES) {
    browserTest(
      `shows no message key on any screen, in ${language.toUpperCase()}`,
      running,
      async ({ page, open }) => {
        const found: string[] = [];
        const visit = async (who: Page, path: string) => {
          await who.goto(path);
          await settle(who);
          expect(await who.locator('html').getAttribute('lang')).toBe(language);
          for (const key of await rawKeysOn(who)) found.push(`${path}: ${key}`);
        };

        // The admin holds almost every ability: every area but the funds' own.
        await logIn(page, 'admin', { language: button });
        const visited: string[] = [];
        for (const area of AREAS.filter(
          (a) => !['knowledge.acknowledge', 'inquiries.partner_requests.answer'].includes(a.ability),
        )) {
          await visit(page, area.path);
          visited.push(area.path);
        }
        await visit(page, '/');
        // The pages one opens from a list: an inquiry, a person, an entry's editor and history.
        const inquiry = await buildInquiry(running.server.app, {
          status: 'escalated',
          team: 'audit-externe',
        });
        await visit(page, `/inquiries/${inquiry.ref}`);
        await page.goto('/directory/people');
        await settle(page);
        const person = await page.locator('main a[href^="/directory/people/"]').first().getAttribute('href');
        await visit(page, person!);
        await visit(page, '/knowledge/entries/FAQ-0001/edit');
        await visit(page, '/knowledge/entries/FAQ-0001/history');
        await visit(page, '/nowhere');

        // A fund's user: the changes to acknowledge and the portal.
        const fund = await open();
        await logIn(fund.page, 'partner.acerta', { language: button });
        for (const path of ['/', '/knowledge/changes', '/portal', '/knowledge/search'])
          await visit(fund.page, path);

        expect(visited.length).toBeGreaterThan(20);
        expect(found).toEqual([]);
      },
      { timeout: 240_000 },
    );
  }
});
