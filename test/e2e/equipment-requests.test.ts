import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, DEMO_PASSWORD, login } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, useServerAndBrowser } from './support.js';

describe.each(DIALECTS)('%s: equipment requests pages', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'an employee asks for an item at home, sees its steps, and ICT reserves the last unit then meets out_of_stock',
    running,
    async ({ page, open, a11y }) => {
      const app = running.server.app;
      const db = app.db as Kysely<any>;
      const ict = await login(app, 'ict', DEMO_PASSWORD);
      const emma = await db
        .selectFrom('directory_person as p')
        .innerJoin('telework_staff_profile as s', 's.person_id', 'p.id')
        .select(['p.id as id', 's.function_code as code'])
        .where('p.username', '=', 'employee')
        .executeTakeFirstOrThrow();
      const profile = await app.inject({
        method: 'POST',
        url: '/api/v1/equipment/profiles',
        headers: asSession(ict),
        payload: {
          names: { fr: 'Bureau', nl: 'Kantoor', en: 'Office' },
          functions: [emma.code],
          items: [
            { type: 'laptop', mode: 'default' },
            // The demo's stock holds screens; of `other` there is the one unit this test registers.
            { type: 'other', mode: 'on_request' },
          ],
        },
      });
      expect(profile.statusCode, profile.body).toBe(201);
      const now = new Date().toISOString();
      await db
        .insertInto('equipment_asset')
        .values({
          id: randomUUID(),
          asset_tag: 'OTH-E2E-1',
          type: 'other',
          model: 'Webcam Logitech C920',
          serial: 'E2E-SN-1',
          status: 'in_stock',
          location: 'stock',
          site: 'HQ',
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();

      await logIn(page, 'employee', { language: 'English (EN)' });
      await page.goto('/equipment');
      await expectHeading(page, 'My equipment');
      const ask = page.getByRole('region', { name: 'Ask for equipment' });
      await ask.getByLabel('Item', { exact: true }).selectOption('other');
      await ask.getByRole('radio', { name: 'At home' }).check();
      await ask.getByLabel('Delivery address').fill('Rue de la Loi 16, 1000 Brussels');
      await ask.getByRole('button', { name: 'Send the request' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('sent: To handle');
      const mine = page.getByRole('region', { name: 'My requests' });
      await expect.poll(() => mine.textContent()).toContain('Other');
      await a11y.check(page, 'my equipment with a request');

      const ictPage = (await open()).page;
      await logIn(ictPage, 'ict', { language: 'English (EN)' });
      await ictPage.goto('/equipment/requests');
      await expectHeading(ictPage, 'Equipment requests');
      const row = ictPage.getByRole('row', { name: /Emma Employee/ }).filter({ hasText: 'Other' });
      await row.getByRole('button', { name: /^Reserve a unit for/ }).click();
      await expect.poll(() => ictPage.locator('main').textContent()).toContain('Unit OTH-E2E-1 reserved');

      // A second one for Emma: no unit left, and the page says what to do.
      const second = await app.inject({
        method: 'POST',
        url: '/api/v1/equipment/requests',
        headers: asSession(ict),
        payload: { type: 'other', person: 'employee', delivery: 'site' },
      });
      expect(second.statusCode, second.body).toBe(201);
      await ictPage.reload();
      await expectHeading(ictPage, 'Equipment requests');
      const next = ictPage.getByRole('row', { name: new RegExp(second.json().id) });
      await next.getByRole('button', { name: /^Reserve a unit for/ }).click();
      const alert = ictPage.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('No unit of this type is left in stock');
      await a11y.check(ictPage, 'ICT queue with out of stock');

      await page.reload();
      await expect
        .poll(() => page.getByRole('region', { name: 'What I have' }).textContent())
        .toContain('OTH-E2E-1');

      await ictPage.goto('/equipment/rules');
      await expectHeading(ictPage, 'Equipment rules');
      await expect
        .poll(() => ictPage.getByRole('region', { name: 'Profiles per function' }).textContent())
        .toContain('Office');
      await a11y.check(ictPage, 'equipment rules');
    },
  );
  browserTest(
    'a manager approves a chair their report asked for, where the policy asks for approval',
    running,
    async ({ page, a11y }) => {
      const app = running.server.app;
      const ict = await login(app, 'ict', DEMO_PASSWORD);
      const policy = await app.inject({
        method: 'PUT',
        url: '/api/v1/equipment/policies/chair',
        headers: asSession(ict),
        payload: {
          managerApproval: true,
          contributionCapCents: null,
          contributionPeriodMonths: null,
          lowStockThreshold: null,
        },
      });
      expect(policy.statusCode, policy.body).toBe(200);
      const profiles = (
        await app.inject({ url: '/api/v1/equipment/profiles', headers: asSession(ict) })
      ).json();
      const office = profiles.items.find((p: { names: { en: string } }) => p.names.en === 'Office');
      const changed = await app.inject({
        method: 'PUT',
        url: `/api/v1/equipment/profiles/${office.id}`,
        headers: asSession(ict),
        payload: {
          names: office.names,
          functions: office.functions,
          items: [...office.items, { type: 'chair', mode: 'on_request' }],
        },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      const emma = await login(app, 'employee', DEMO_PASSWORD);
      const asked = await app.inject({
        method: 'POST',
        url: '/api/v1/equipment/requests',
        headers: asSession(emma),
        payload: { type: 'chair', delivery: 'site', reason: 'Back pain' },
      });
      expect(asked.json().status).toBe('awaiting_approval');

      await logIn(page, 'manager', { language: 'English (EN)' });
      await page.goto('/equipment/approvals');
      await expectHeading(page, 'Equipment approvals');
      const card = page.getByRole('article', { name: new RegExp(asked.json().id) });
      await expect.poll(() => card.textContent()).toContain('Back pain');
      await a11y.check(page, 'equipment approvals');
      await card.getByRole('button', { name: 'Approve' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('approved');
      const after = await app.inject({
        url: `/api/v1/equipment/requests/${asked.json().id}`,
        headers: asSession(emma),
      });
      expect(after.json().status).toBe('open');
    },
  );
});
