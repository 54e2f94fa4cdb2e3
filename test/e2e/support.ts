import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dialect } from '../../src/platform/db/database.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { createTestApp, type TestApp } from '../../src/test-support/test-app.js';

/** Built by test/global-setup.ts before any test file runs. */
export const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

import { DEMO_PASSWORD } from '../../src/test-support/test-app.js';

export { DEMO_PASSWORD };

export type RunningServer = TestApp & { baseUrl: string };

/**
 * The real server, with the built web app, on a free port; with the demo institution unless
 * `withDemo: false` (the test then builds its own data with the factories).
 */
export async function startServer(
  dialect: Dialect,
  options: { withDemo?: boolean } = {},
): Promise<RunningServer> {
  const testApp = await createTestApp(dialect, {
    ...(options.withDemo !== false && { seed: 'demo' }),
    webRoot: WEB_ROOT,
  });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, baseUrl: `http://127.0.0.1:${port}` };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser profile (no cookies, no stored language) in English, like a first visit.
 * Console errors and uncaught exceptions are collected: a CSP refusal shows up there.
 */
export async function openPage(
  browser: Browser,
  server: RunningServer,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    // A failed request also logs "Failed to load resource": those the tests provoke on purpose (401, 400).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A request the network refused or dropped (an HTTP error status is an answer, not a failure);
  // leaving a page aborts its pending requests and live notices, which is no problem.
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    if (failure !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${failure}`);
  });
  return { context, page, problems };
}

export type OpenedPage = Awaited<ReturnType<typeof openPage>>;

/** Browser tests wait on real rendering and axe runs; they get more time than API tests. */
export const BROWSER_TEST_TIMEOUT = 90_000;

/** Logs in through the login form, as a person does; `language` is picked on the login page first. */
export async function logIn(
  page: Page,
  username: string,
  options: { password?: string; language?: 'Français (FR)' | 'Nederlands (NL)' | 'English (EN)' } = {},
): Promise<void> {
  const password = options.password ?? DEMO_PASSWORD;
  if (!page.url().includes('/login')) await page.goto('/login');
  if (options.language) await page.getByRole('button', { name: options.language }).click();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
}

/** Follows a link of the main navigation, as a person does. */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();

/** Every live status message on the page, joined: what a screen reader announced. */
export const statusText = (page: Page) =>
  page
    .getByRole('status')
    .allTextContents()
    .then((texts) => texts.join(' | '));

/**
 * A reviewer, working in French, opens a draft from the review queue: the draft's panel, where
 * both languages are compared before publishing (publishDraft).
 */
export async function openDraftForReview(open: () => Promise<OpenedPage>, entryRef: string) {
  const reviewer = await open();
  await logIn(reviewer.page, 'reviewer', { language: 'Français (FR)' });
  await reviewer.page.goto('/knowledge/review');
  await expectHeading(reviewer.page, 'File de relecture');
  await reviewer.page.getByRole('button', { name: `Ouvrir: ${entryRef}` }).click();
  return { ...reviewer, panel: reviewer.page.getByRole('region', { name: `Brouillon de ${entryRef}` }) };
}

/** Publishes the draft open for review and waits until its first version is confirmed. */
export async function publishDraft(
  reviewer: Awaited<ReturnType<typeof openDraftForReview>>,
  entryRef: string,
): Promise<void> {
  await reviewer.panel.getByRole('button', { name: 'Publier' }).click();
  await expect
    .poll(() => reviewer.page.getByRole('status').first().textContent())
    .toBe(`${entryRef} publiée (version 1).`);
}

/** Waits until the page's one <h1> reads `text` (pages render after their data arrives). */
export async function expectHeading(page: Page, text: string): Promise<void> {
  await expect
    .poll(async () => (await page.locator('main h1').allTextContents()).join(' | '), { timeout: 10_000 })
    .toBe(text);
}

/**
 * Runs axe-core on each page visited and keeps the serious and critical violations, so one
 * failing test lists every page's problems at once instead of stopping at the first.
 */
export class AccessibilityReport {
  private readonly findings: string[] = [];
  readonly pagesChecked: string[] = [];

  /**
   * `dialect`: the pages are the same whichever database serves them, so axe (seconds per page)
   * runs on the first dialect's pass only. `options.strict`: every violation counts, whatever
   * its impact (screens built without a known moderate finding keep it that way).
   */
  constructor(
    private readonly dialect: Dialect,
    private readonly options: { strict?: boolean } = {},
  ) {}

  async check(page: Page, name: string): Promise<void> {
    if (this.dialect !== DIALECTS[0]) return;
    // Mantine's transitions (menus, modals) finish within 200 ms; axe reads colours mid-fade otherwise.
    await page.waitForTimeout(250);
    const results = await new AxeBuilder({ page }).analyze();
    this.pagesChecked.push(name);
    for (const violation of results.violations) {
      const counts = this.options.strict || violation.impact === 'serious' || violation.impact === 'critical';
      if (!counts) continue;
      const targets = violation.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1, 2).join('').trim()}`,
        )
        .join('\n');
      this.findings.push(
        `[${name}] ${violation.impact} ${violation.id}: ${violation.help}\n${targets}\n      see ${violation.helpUrl}`,
      );
    }
  }

  assertClean(): void {
    expect(
      this.findings,
      `Accessibility violations (${this.options.strict ? 'any impact' : 'serious or critical'}):\n${this.findings.join('\n')}`,
    ).toEqual([]);
  }
}

export type ServerAndBrowser = { server: RunningServer; browser: Browser; dialect: Dialect };

/** A server on `dialect` and a browser for the tests of the enclosing `describe`, stopped after them. */
export function useServerAndBrowser(
  dialect: Dialect,
  options: { withDemo?: boolean } = {},
): ServerAndBrowser {
  const running = { dialect } as ServerAndBrowser;
  beforeAll(async () => {
    [running.server, running.browser] = await Promise.all([startServer(dialect, options), launchBrowser()]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return running;
}

export type BrowserTestContext = OpenedPage & {
  /** axe on the pages the test names; its findings are checked after the body. */
  a11y: AccessibilityReport;
  /** Another fresh browser profile (a second person, a second tab): checked and closed with the first. */
  open(): Promise<OpenedPage>;
};

/**
 * A browser test: a fresh page, the body, then every opened page's problems (console errors,
 * uncaught exceptions, failed requests) and axe's findings checked. The pages are closed whatever
 * happens: a failing test must not leave its browser context open for the next one.
 * `strict`: every axe violation counts, whatever its impact; `timeout` for the longer walks.
 */
export function browserTest(
  name: string,
  running: ServerAndBrowser,
  body: (t: BrowserTestContext) => Promise<void>,
  options: { strict?: boolean; timeout?: number } = {},
): void {
  it(
    name,
    async () => {
      const opened: OpenedPage[] = [];
      const open = async () => {
        const next = await openPage(running.browser, running.server);
        opened.push(next);
        return next;
      };
      try {
        const a11y = new AccessibilityReport(running.dialect, { strict: options.strict ?? false });
        await body({ ...(await open()), a11y, open });
        a11y.assertClean();
        expect(opened.flatMap((page) => page.problems)).toEqual([]);
      } finally {
        await Promise.all(opened.map((page) => page.context.close().catch(() => undefined)));
      }
    },
    options.timeout ?? BROWSER_TEST_TIMEOUT,
  );
}
