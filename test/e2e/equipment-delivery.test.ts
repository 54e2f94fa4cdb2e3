import { describe, expect } from 'vitest';
import { insertReservedRequest } from '../../src/modules/equipment/delivery-test-rows.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { buildPerson } from '../../src/test-support/factories.js';
import { TEST_PASSWORD } from '../../src/test-support/test-app.js';
import { browserTest, expectHeading, logIn, nav, useServerAndBrowser } from './support.js';

// ICT ships a reserved screen to an employee's home and the employee confirms receipt on the page.
// The reservation is written directly (the requests area is built apart); once merged, the test
// starts from the employee's request.

describe.each(DIALECTS)('%s: equipment delivery and signed receipt pages', (dialect) => {
  const running = useServerAndBrowser(dialect, { withDemo: false });

  browserTest(
    'ICT makes a batch of a reserved screen and ships it; the employee confirms receipt, serial shown; ICT takes it back with a receipt',
    running,
    async ({ page, a11y, open }) => {
      const app = running.server.app;
      await buildPerson(app.db, { username: 'ict-e2e', name: 'Ines ICT', roles: ['ict'] });
      const emma = await buildPerson(app.db, {
        username: 'emma-e2e',
        name: 'Emma Peeters',
        roles: ['employee'],
      });
      const screen = await insertReservedRequest(app.db, emma.id, { type: 'screen', model: 'Dell P2419H' });

      await logIn(page, 'ict-e2e', { password: TEST_PASSWORD, language: 'English (EN)' });
      await nav(page, 'Equipment deliveries');
      await expectHeading(page, 'Equipment deliveries');
      const ready = page.getByRole('region', { name: 'Ready to ship' });
      const form = ready.getByRole('form', { name: 'Emma Peeters' });
      await expect.poll(() => form.textContent()).toContain(screen.assetTag);
      await expect
        .poll(() => form.getByLabel('Delivery address').inputValue())
        .toBe('Kerkstraat 12, 9000 Gent');
      await form.getByLabel('Carrier', { exact: true }).fill('bpost');
      await form.getByLabel('Carrier reference').fill('CD123456789BE');
      await a11y.check(page, 'deliveries: ready to ship');
      await form.getByRole('button', { name: 'Create the batch (1 unit)' }).click();
      await expect
        .poll(() => ready.getByRole('status').textContent())
        .toMatch(/^Batch DLV-\w+ prepared for Emma Peeters\.$/);

      const batches = page.getByRole('region', { name: 'Batches' });
      const row = batches.getByRole('row', { name: /Emma Peeters/ });
      await expect.poll(() => row.textContent()).toContain('Prepared');
      await row.getByRole('button', { name: /^Ship DLV-/ }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByLabel('Carrier reference').inputValue()).toBe('CD123456789BE');
      await a11y.check(page, 'deliveries: ship dialog');
      await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
      await expect.poll(() => row.textContent()).toContain('Shipped');
      await expect
        .poll(() => batches.getByRole('status').textContent())
        .toMatch(/shipped \(or handed over\)/);

      const employee = await open();
      await logIn(employee.page, 'emma-e2e', { password: TEST_PASSWORD, language: 'English (EN)' });
      await nav(employee.page, 'My equipment receipts');
      await expectHeading(employee.page, 'My equipment receipts');
      const toConfirm = employee.page.getByRole('region', { name: 'To confirm' });
      await expect.poll(() => toConfirm.textContent()).toContain('Shipped on');
      await expect.poll(() => toConfirm.textContent()).toContain('CD123456789BE');
      await toConfirm.getByRole('button', { name: 'I received it' }).click();
      const confirm = employee.page.getByRole('dialog');
      await expect.poll(() => confirm.textContent()).toContain(screen.serial);
      await a11y.check(employee.page, 'receipts: confirm dialog');
      await confirm.getByRole('button', { name: 'I confirm receipt' }).click();
      await expect
        .poll(() => toConfirm.getByRole('status').textContent())
        .toMatch(/^Thank you: receipt of batch DLV-\w+ confirmed\.$/);
      await expect
        .poll(() => toConfirm.textContent())
        .toContain('No batch is waiting for your confirmation.');
      const signed = employee.page.getByRole('region', { name: 'Confirmed receipts' });
      await expect.poll(() => signed.textContent()).toContain(screen.serial);
      await a11y.check(employee.page, 'receipts: confirmed');

      await page.reload();
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: 'Batches' })
            .getByRole('row', { name: /Emma Peeters/ })
            .textContent(),
        )
        .toContain('Delivered');

      // Emma leaves: ICT takes the screen back into stock, and she finds the receipt on her page.
      const returns = page.getByRole('region', { name: 'Equipment returned' });
      await returns.getByLabel("The person's username").fill('emma-e2e');
      await returns.getByLabel('Tags').fill(screen.assetTag);
      await returns.getByLabel("Stock room's site").fill('botanique');
      await returns.getByRole('button', { name: 'Register the return' }).click();
      await expect
        .poll(() => returns.getByRole('status').textContent())
        .toMatch(/^Return RET-\w+ registered: 1 unit of Emma Peeters in stock\. Receipt \(PDF\)$/);
      await a11y.check(page, 'deliveries: return registered');
      await employee.page.reload();
      const given = employee.page.getByRole('region', { name: 'Equipment returned' });
      await expect.poll(() => given.getByRole('link', { name: /^Receipt RET-\w+ \(PDF\)$/ }).count()).toBe(1);
    },
  );
});
