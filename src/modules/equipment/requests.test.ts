import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { withApp } from '../../test-support/with-app.js';
import { readWorkbook } from '../../test-support/xlsx.js';
import { giveFunction, insertUnits, setManager } from './request-test-rows.js';
import type { EquipmentTables } from './tables.js';

const API = '/api/v1/equipment';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n').toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const EXE = Buffer.from('MZ\x90\x00 this is a program').toString('base64');

describe.each(DIALECTS)('%s: equipment requests', (dialect) => {
  const t = withApp(dialect, {
    as: {
      ict: { roles: ['ict'] },
      manager: { roles: ['manager'] },
      employee: { roles: ['employee'] },
      stranger: { roles: ['employee'] },
      admin: { roles: ['admin'] },
    },
  });
  const db = () => t.app.db as Kysely<EquipmentTables>;

  beforeAll(async () => {
    await giveFunction(db(), t.people.employee.id, 'AGENT');
    await giveFunction(db(), t.people.stranger.id, 'AGENT');
    await setManager(db(), t.people.employee.id, t.people.manager.id);
    const profile = await t.send(t.people.ict, 'POST', `${API}/profiles`, {
      names: { fr: 'Agent', nl: 'Agent', en: 'Agent' },
      functions: ['AGENT'],
      items: [
        { type: 'laptop', mode: 'default' },
        { type: 'headset', mode: 'default' },
        { type: 'screen', mode: 'on_request' },
        { type: 'chair', mode: 'on_request' },
      ],
    });
    expect(profile.statusCode, profile.body).toBe(201);
    const policy = await t.send(t.people.ict, 'PUT', `${API}/policies/chair`, {
      managerApproval: true,
      contributionCapCents: 15000,
      contributionPeriodMonths: 24,
      lowStockThreshold: null,
    });
    expect(policy.statusCode, policy.body).toBe(200);
    await insertUnits(db(), 'screen', 2, `SCR-${dialect}`);
  });

  it('lets an employee ask for an item of their profile, and ICT reserve the same unit twice', async () => {
    const mine = await t.send(t.people.employee, 'GET', `${API}/my-profile`);
    expect(mine.json().profile.items).toHaveLength(4);
    const created = await t.send(t.people.employee, 'POST', `${API}/requests`, {
      type: 'screen',
      delivery: 'home',
      address: 'Rue de la Loi 1, 1000 Bruxelles',
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    expect(request).toMatchObject({ status: 'open', type: 'screen', personId: t.people.employee.id });
    expect(request.steps.map((s: { status: string }) => s.status)).toEqual([
      'open',
      'reserved',
      'shipped',
      'delivered',
      'received',
    ]);
    const first = await t.send(t.people.ict, 'POST', `${API}/requests/${request.id}/reserve`);
    expect(first.statusCode, first.body).toBe(200);
    const again = await t.send(t.people.ict, 'POST', `${API}/requests/${request.id}/reserve`);
    expect(again.json().asset_tag).toBe(first.json().asset_tag);
    expect(first.json().request).toMatchObject({ status: 'reserved', assetTag: first.json().asset_tag });
    const unit = await db()
      .selectFrom('equipment_asset')
      .selectAll()
      .where('asset_tag', '=', first.json().asset_tag)
      .executeTakeFirstOrThrow();
    expect(unit).toMatchObject({
      status: 'reserved',
      holder_id: t.people.employee.id,
      request_id: request.id,
    });
    const moves = await db()
      .selectFrom('equipment_asset_move')
      .selectAll()
      .where('asset_id', '=', unit.id)
      .execute();
    expect(moves.map((m) => m.kind)).toEqual(['reserved']);
    const held = await t.send(t.people.employee, 'GET', `${API}/my-equipment`);
    expect(held.json().items).toEqual([
      expect.objectContaining({ assetTag: first.json().asset_tag, status: 'reserved' }),
    ]);
    // The employee cancels: the unit goes back to stock with its move.
    const cancelled = await t.send(t.people.employee, 'POST', `${API}/requests/${request.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const back = await db()
      .selectFrom('equipment_asset')
      .selectAll()
      .where('id', '=', unit.id)
      .executeTakeFirstOrThrow();
    expect(back).toMatchObject({ status: 'in_stock', holder_id: null, request_id: null });
  });

  it('refuses a type outside the profile and a home delivery without address, writing nothing', async () => {
    const before = await db()
      .selectFrom('equipment_request')
      .select(db().fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const outside = await t.send(t.people.employee, 'POST', `${API}/requests`, {
      type: 'phone',
      delivery: 'site',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([
      expect.objectContaining({ field: 'type', code: 'equipment.request.outside_profile' }),
    ]);
    const noAddress = await t.send(t.people.employee, 'POST', `${API}/requests`, {
      type: 'screen',
      delivery: 'home',
      address: '   ',
    });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().errors).toEqual([expect.objectContaining({ field: 'address' })]);
    const after = await db()
      .selectFrom('equipment_request')
      .select(db().fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets a manager ask for their own report only, and ICT for anyone', async () => {
    const forReport = await t.send(t.people.manager, 'POST', `${API}/requests`, {
      type: 'laptop',
      person: t.people.employee.username,
      delivery: 'site',
    });
    expect(forReport.statusCode, forReport.body).toBe(201);
    expect(forReport.json().personId).toBe(t.people.employee.id);
    const forStranger = await t.send(t.people.manager, 'POST', `${API}/requests`, {
      type: 'laptop',
      person: t.people.stranger.username,
      delivery: 'site',
    });
    expect(forStranger.statusCode).toBe(403);
    expect(forStranger.json().errors[0].field).toBe('person');
    const byEmployee = await t.send(t.people.employee, 'POST', `${API}/requests`, {
      type: 'laptop',
      person: t.people.stranger.username,
      delivery: 'site',
    });
    expect(byEmployee.statusCode).toBe(403);
    const byIct = await t.send(t.people.ict, 'POST', `${API}/requests`, {
      type: 'laptop',
      person: t.people.stranger.username,
      delivery: 'site',
    });
    expect(byIct.statusCode, byIct.body).toBe(201);
    const unknown = await t.send(t.people.ict, 'POST', `${API}/requests`, {
      type: 'laptop',
      person: 'nobody-here',
      delivery: 'site',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('person');
  });

  it('waits for the manager where the policy asks it: not_approved, then approved and reservable', async () => {
    const created = await t.send(t.people.employee, 'POST', `${API}/requests`, {
      type: 'chair',
      delivery: 'site',
    });
    expect(created.json().status).toBe('awaiting_approval');
    const id = created.json().id;
    const early = await t.send(t.people.ict, 'POST', `${API}/requests/${id}/reserve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('not_approved');
    // Not the stranger's manager: answered as absent.
    const team = await t.send(t.people.manager, 'GET', `${API}/requests?scope=team`);
    expect(team.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const approved = await t.send(t.people.manager, 'POST', `${API}/requests/${id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('open');
    expect(approved.json().steps[0]).toEqual({ status: 'awaiting_approval', state: 'done' });
    const out = await t.send(t.people.ict, 'POST', `${API}/requests/${id}/reserve`);
    expect(out.statusCode).toBe(409);
    expect(out.json().code).toBe('out_of_stock');
    const refusedTwice = await t.send(t.people.manager, 'POST', `${API}/requests/${id}/refuse`, {
      reason: 'No',
    });
    expect(refusedTwice.statusCode).toBe(409);
  });

  it('hides a request from people who are neither its person, their manager nor ICT', async () => {
    const created = await t.send(t.people.employee, 'POST', `${API}/requests`, {
      type: 'laptop',
      delivery: 'site',
    });
    const id = created.json().id;
    expect((await t.send(t.people.stranger, 'GET', `${API}/requests/${id}`)).statusCode).toBe(404);
    expect((await t.send(t.people.stranger, 'POST', `${API}/requests/${id}/cancel`)).statusCode).toBe(404);
    expect((await t.send(t.people.manager, 'GET', `${API}/requests/${id}`)).statusCode).toBe(200);
    expect((await t.send(t.people.ict, 'GET', `${API}/requests/${id}`)).statusCode).toBe(200);
    expect((await t.send(t.people.employee, 'GET', `${API}/requests?scope=all`)).statusCode).toBe(403);
    const all = await t.send(t.people.ict, 'GET', `${API}/requests?scope=all&type=laptop`);
    expect(all.json().items.every((r: { type: string }) => r.type === 'laptop')).toBe(true);
  });

  it('caps contributions over the period and checks the receipt by its content', async () => {
    const contribution = (amount: number, receipt = PDF, filename = 'receipt.pdf') =>
      t.send(t.people.stranger, 'POST', `${API}/contributions`, {
        type: 'chair',
        amount,
        receipt: { filename, content_type: 'application/pdf', content_base64: receipt },
      });
    const first = await contribution(10000);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'contribution', amount: 10000, status: 'awaiting_approval' });
    const above = await contribution(6000);
    expect(above.statusCode).toBe(400);
    expect(above.json().errors).toEqual([
      expect.objectContaining({ field: 'amount', code: 'equipment.contribution.above_cap' }),
    ]);
    const fake = await contribution(1000, EXE, 'invoice.pdf');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors).toEqual([
      expect.objectContaining({ field: 'receipt', code: 'equipment.receipt.type' }),
    ]);
    const image = await contribution(5000, PNG, 'photo.png');
    expect(image.statusCode, image.body).toBe(201);
    const noCap = await t.send(t.people.stranger, 'POST', `${API}/contributions`, {
      type: 'screen',
      amount: 100,
      receipt: { filename: 'r.pdf', content_base64: PDF },
    });
    expect(noCap.json().errors[0]).toMatchObject({
      field: 'type',
      code: 'equipment.contribution.not_offered',
    });
    // The receipt comes back as received; ICT pays once approved (admin approves: no manager).
    const receipt = await t.send(t.people.ict, 'GET', `${API}/requests/${first.json().id}/receipt`);
    expect(receipt.headers['content-type']).toContain('application/pdf');
    const approved = await t.send(t.people.admin, 'POST', `${API}/requests/${first.json().id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const paid = await t.send(t.people.ict, 'POST', `${API}/requests/${first.json().id}/pay`);
    expect(paid.json().status).toBe('paid');
  });

  it('lists pending requests by age, as a table and as a spreadsheet', async () => {
    const report = await t.send(t.people.manager, 'GET', `${API}/reports/pending-requests`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().items.length).toBeGreaterThan(0);
    expect(report.json().buckets[0]).toMatchObject({ bucket: '0-2' });
    const file = await t.app.inject({
      method: 'GET',
      url: `${API}/reports/pending-requests?format=xlsx&lang=fr`,
      headers: { cookie: t.people.ict.cookie },
    });
    expect(file.statusCode).toBe(200);
    const workbook = await readWorkbook(file.rawPayload);
    expect(workbook.worksheets[0]!.getRow(1).values).toContain('Âge (jours)');
    expect((await t.send(t.people.employee, 'GET', `${API}/reports/pending-requests`)).statusCode).toBe(403);
  });

  it('keeps profiles and policies for ICT only, and refuses unknown functions', async () => {
    expect((await t.send(t.people.employee, 'GET', `${API}/profiles`)).statusCode).toBe(403);
    const bad = await t.send(t.people.ict, 'POST', `${API}/profiles`, {
      names: { fr: 'X', nl: 'X', en: 'X' },
      functions: ['NOPE'],
      items: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('functions');
    const policies = await t.send(t.people.ict, 'GET', `${API}/policies`);
    expect(policies.json().items.find((p: { type: string }) => p.type === 'screen')).toMatchObject({
      managerApproval: false,
      contributionCapCents: null,
    });
  });
});
