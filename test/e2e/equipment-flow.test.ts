import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, DEMO_PASSWORD, login } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

// Issue 15: an employee asks for a screen at home, ICT reserves it, makes the batch and ships it,
// and the employee confirms receipt on My equipment, where the request then reads as received.

const PHONE = { width: 390, height: 844 };

/** Whether anything on the page sticks out sideways (a phone's reader would have to pan). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe.each(DIALECTS)('%s: a screen from request to signed receipt', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: true });

  browserTest(
    'the employee asks for a screen at home, ICT reserves, batches and ships it, the employee confirms receipt on My equipment; ICT takes it back with a receipt',
    running,
    async ({ page, open, a11y }) => {
      const app = running.server.app;
      const db = app.db as Kysely<any>;
      const ict = await login(app, 'ict', DEMO_PASSWORD);
      const emma = await db
        .selectFrom('directory_person as p')
        .innerJoin('telework_staff_profile as s', 's.person_id', 'p.id')
        .select(['p.id as id', 'p.email as email', 's.function_code as code'])
        .where('p.username', '=', 'employee')
        .executeTakeFirstOrThrow();
      // Emma's function's profile offers a screen on request (the demo's stock room has screens).
      const profile = await app.inject({
        method: 'POST',
        url: '/api/v1/equipment/profiles',
        headers: asSession(ict),
        payload: {
          names: { fr: 'Bureau', nl: 'Kantoor', en: 'Office' },
          functions: [emma.code],
          items: [
            { type: 'laptop', mode: 'default' },
            { type: 'screen', mode: 'on_request' },
          ],
        },
      });
      expect(profile.statusCode, profile.body).toBe(201);

      // The employee asks, through the form.
      await logIn(page, 'employee', { language: 'English (EN)' });
      await nav(page, 'My equipment');
      await expectHeading(page, 'My equipment');
      const ask = page.getByRole('region', { name: 'Ask for equipment' });
      await ask.getByLabel('Item', { exact: true }).selectOption('screen');
      await ask.getByRole('radio', { name: 'At home' }).check();
      await ask.getByLabel('Delivery address').fill('Rue de la Loi 16, 1000 Brussels');
      await ask.getByRole('button', { name: 'Send the request' }).click();
      const sent = ask.getByText(/^Request \S+ sent: To handle\.$/);
      await expect.poll(() => sent.count()).toBe(1);
      const requestId = /^Request (\S+) sent/.exec((await sent.textContent()) ?? '')![1]!;
      const request = page
        .getByRole('region', { name: 'My requests' })
        .getByRole('article', { name: requestId });
      await expect.poll(() => request.textContent()).toContain('Screen');
      await a11y.check(page, 'my equipment: request sent');

      // ICT reserves the unit.
      const ictPage = (await open()).page;
      await logIn(ictPage, 'ict', { language: 'English (EN)' });
      await nav(ictPage, 'Equipment requests');
      await expectHeading(ictPage, 'Equipment requests');
      const row = ictPage.getByRole('row', { name: new RegExp(requestId) });
      await row.getByRole('button', { name: /^Reserve a unit for/ }).click();
      const reserved = ictPage.getByText(new RegExp(`^Unit \\S+ reserved for ${requestId}\\.$`));
      await expect.poll(() => reserved.count()).toBe(1);
      const tag = /^Unit (\S+) reserved/.exec((await reserved.textContent()) ?? '')![1]!;
      const { serial } = await db
        .selectFrom('equipment_asset')
        .select('serial')
        .where('asset_tag', '=', tag)
        .executeTakeFirstOrThrow();
      await a11y.check(ictPage, 'requests: unit reserved');

      // ICT makes the batch and ships it with the carrier's reference.
      await nav(ictPage, 'Equipment deliveries');
      await expectHeading(ictPage, 'Equipment deliveries');
      const ready = ictPage.getByRole('region', { name: 'Ready to ship' });
      const form = ready.getByRole('form', { name: 'Emma Employee' });
      await expect.poll(() => form.textContent()).toContain(tag);
      // The demo's Emma has other units waiting: this batch holds the screen alone, to the address she gave.
      for (const box of await form.getByRole('checkbox').all())
        if ((await box.getAttribute('aria-label')) !== `Include ${tag} in the batch`) await box.uncheck();
      await form.getByLabel('Delivery address').fill('Rue de la Loi 16, 1000 Brussels');
      await form.getByLabel('Carrier', { exact: true }).fill('bpost');
      await form.getByLabel('Carrier reference').fill('CD123456789BE');
      await a11y.check(ictPage, 'deliveries: ready to ship');
      await form.getByRole('button', { name: 'Create the batch (1 unit)' }).click();
      await expect
        .poll(() => ready.getByRole('status').textContent())
        .toMatch(/^Batch DLV-\w+ prepared for Emma Employee\.$/);
      const batchId = /DLV-\w+/.exec((await ready.getByRole('status').textContent()) ?? '')![0];
      const batches = ictPage.getByRole('region', { name: 'Batches' });
      const batch = batches.getByRole('row', { name: new RegExp(batchId) });
      await expect.poll(() => batch.textContent()).toContain('Prepared');
      await batch.getByRole('button', { name: new RegExp(`^Ship ${batchId}`) }).click();
      const ship = ictPage.getByRole('dialog');
      await expect.poll(() => ship.getByLabel('Carrier reference').inputValue()).toBe('CD123456789BE');
      await a11y.check(ictPage, 'deliveries: ship dialog');
      await ship.getByRole('button', { name: 'Ship', exact: true }).click();
      await expect.poll(() => batch.textContent()).toContain('Shipped');

      // The shipping mail: what is in the parcel, the carrier's reference, and where to confirm.
      const mails = await db
        .selectFrom('platform_mail_outbox')
        .select(['to_address', 'subject', 'text_body'])
        .where('source', '=', 'equipment')
        .where('object_ref', '=', batchId)
        .execute();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        to_address: emma.email,
        subject: `Your equipment is on its way (${batchId})`,
      });
      expect(mails[0]!.text_body).toContain(tag);
      expect(mails[0]!.text_body).toContain('CD123456789BE');
      expect(mails[0]!.text_body).toContain('Rue de la Loi 16, 1000 Brussels');
      expect(mails[0]!.text_body).toMatch(/\/equipment$/m);

      // The employee sees it on its way on My equipment and confirms receipt there.
      await page.reload();
      await expectHeading(page, 'My equipment');
      const toConfirm = page.getByRole('region', { name: 'Deliveries to confirm' });
      await expect.poll(() => toConfirm.textContent()).toContain('Shipped on');
      await expect.poll(() => toConfirm.textContent()).toContain('CD123456789BE');
      await expect.poll(() => request.textContent()).toContain('Shipped');
      await a11y.check(page, 'my equipment: a delivery on its way');
      await toConfirm.getByRole('button', { name: 'I received it' }).click();
      const confirm = page.getByRole('dialog');
      await expect.poll(() => confirm.textContent()).toContain(serial);
      await a11y.check(page, 'my equipment: confirm dialog');
      await confirm.getByRole('button', { name: 'I confirm receipt' }).click();
      await expect
        .poll(() => toConfirm.getByRole('status').textContent())
        .toBe(`Thank you: receipt of batch ${batchId} confirmed.`);
      await expect
        .poll(() => toConfirm.textContent())
        .toContain('No batch is waiting for your confirmation.');
      await expect.poll(() => request.textContent()).toContain('Receipt confirmed');
      await expect.poll(() => request.textContent()).toContain(tag);
      await expect.poll(() => page.getByRole('region', { name: 'What I have' }).textContent()).toContain(tag);
      const signed = page.getByRole('region', { name: 'Confirmed receipts' });
      await expect.poll(() => signed.textContent()).toContain(`${tag} (${serial})`);
      await a11y.check(page, 'my equipment: receipt confirmed');

      await ictPage.reload();
      await expect
        .poll(() =>
          ictPage
            .getByRole('region', { name: 'Batches' })
            .getByRole('row', { name: new RegExp(batchId) })
            .textContent(),
        )
        .toContain('Delivered');

      // Emma leaves: ICT takes the screen back into stock, and she finds the receipt on her page.
      const returns = ictPage.getByRole('region', { name: 'Equipment returned' });
      await returns.getByLabel("The person's username").fill('employee');
      await returns.getByLabel('Tags').fill(tag);
      await returns.getByLabel("Stock room's site").fill('botanique');
      await returns.getByRole('button', { name: 'Register the return' }).click();
      await expect
        .poll(() => returns.getByRole('status').textContent())
        .toMatch(/^Return RET-\w+ registered: 1 unit of Emma Employee in stock\. Receipt \(PDF\)$/);
      await a11y.check(ictPage, 'deliveries: return registered');
      await page.reload();
      const given = page.getByRole('region', { name: 'Equipment returned' });
      await expect.poll(() => given.getByRole('link', { name: /^Receipt RET-\w+ \(PDF\)$/ }).count()).toBe(1);

      // All of it on a phone: nothing sticks out sideways, and it stays accessible.
      await page.setViewportSize(PHONE);
      await expectHeading(page, 'My equipment');
      await expect.poll(() => overflowsSideways(page), { timeout: 10_000 }).toBe(false);
      await a11y.check(page, 'my equipment on a phone');
    },
    { timeout: 150_000 },
  );
});
