import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPerson } from '../../test-support/factories.js';
import { readPdfText } from '../../test-support/pdf-text.js';
import { withApp } from '../../test-support/with-app.js';
import { loadTestBuilding } from '../../test-support/workplace.js';
import { moveAsset } from './asset-moves.js';
import { findAssetByTag } from './asset-repository.js';
import { alertIfLowStock } from './stock-alert.js';

const BASE = '/api/v1/equipment';
const PUBLIC_URL = 'https://relais.example.be';

describe.each(DIALECTS)('%s: equipment stock, recovery, labels and the home report', (dialect) => {
  const t = withApp(dialect, {
    as: ['ict', 'manager', 'employee'],
    env: { RELAIS_PUBLIC_URL: PUBLIC_URL },
  });
  const db = () => t.app.db as Kysely<any>;
  const register = async (body: object) => {
    const answer = await t.send(t.people.ict, 'POST', `${BASE}/assets`, body);
    expect(answer.statusCode, answer.body).toBe(201);
  };
  const outbox = () =>
    db()
      .selectFrom('platform_mail_outbox')
      .select(['to_address', 'subject', 'source'])
      .where('source', '=', 'equipment')
      .execute();

  it('lists the blocked desks with the units on them; collected units return to stock with a recovered move', async () => {
    const site = await loadTestBuilding(t.app, 'rc');
    const desk = 'rc-botanique-03-A-001';
    await db()
      .updateTable('workplace_desk')
      .set({ is_blocked: 1, blocked_reason: 'distancing' })
      .where('id', '=', desk)
      .execute();
    await register({ tag: 'REC-1', type: 'screen', model: 'P2419H', site, desk });
    await register({ tag: 'REC-2', type: 'docking_station', model: 'WD19', site, desk });
    await register({ tag: 'REC-3', type: 'screen', model: 'P2419H', site });
    const list = await t.send(t.people.ict, 'GET', `${BASE}/recovery`);
    expect(list.statusCode).toBe(200);
    const blocked = list.json().desks.find((d: { desk: string }) => d.desk === desk);
    expect(blocked).toMatchObject({ reason: 'distancing' });
    expect(blocked.assets.map((a: { tag: string }) => a.tag)).toEqual(['REC-1', 'REC-2']);
    const refused = await t.send(t.people.ict, 'POST', `${BASE}/recovery/collect`, {
      tags: ['REC-1', 'REC-3', 'NOPE-1'],
      site,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['tags.1', 'tags.2']);
    expect((await findAssetByTag(db(), 'REC-1'))?.location).toBe('desk');
    const collected = await t.send(t.people.ict, 'POST', `${BASE}/recovery/collect`, {
      tags: ['REC-1'],
      site: 'WTC',
    });
    expect(collected.statusCode, collected.body).toBe(200);
    expect(collected.json().recovered).toEqual([
      expect.objectContaining({
        tag: 'REC-1',
        status: 'in_stock',
        location: 'stock',
        site: 'WTC',
        desk: null,
      }),
    ]);
    const history = (await t.send(t.people.ict, 'GET', `${BASE}/assets/REC-1`)).json().moves;
    expect(history.at(-1)).toMatchObject({
      kind: 'recovered',
      fromStatus: 'assigned',
      toStatus: 'in_stock',
      note: `desk ${desk}`,
    });
    const after = (await t.send(t.people.ict, 'GET', `${BASE}/recovery`)).json();
    expect(
      after.desks.find((d: { desk: string }) => d.desk === desk).assets.map((a: { tag: string }) => a.tag),
    ).toEqual(['REC-2']);
    expect((await t.send(t.people.manager, 'GET', `${BASE}/recovery`)).statusCode).toBe(403);
  });

  it('reports stock per type and site against the threshold, and mails ICT once when it falls under', async () => {
    await db()
      .insertInto('equipment_type_policy')
      .values({
        type: 'headset',
        manager_approval: 0,
        low_stock_threshold: 3,
        updated_at: new Date().toISOString(),
      })
      .execute();
    for (let i = 1; i <= 4; i++)
      await register({ tag: `HS-${i}`, type: 'headset', model: 'Evolve 40', site: i < 4 ? 'BOT' : 'WTC' });
    let report = (await t.send(t.people.manager, 'GET', `${BASE}/stock`)).json();
    expect(report.types.find((r: { type: string }) => r.type === 'headset')).toEqual({
      type: 'headset',
      inStock: 4,
      threshold: 3,
      isLow: false,
    });
    expect(report.rows.filter((r: { type: string }) => r.type === 'headset')).toEqual([
      { type: 'headset', site: 'BOT', inStock: 3, threshold: 3, isLow: false },
      { type: 'headset', site: 'WTC', inStock: 1, threshold: 3, isLow: false },
    ]);
    expect(report.types.find((r: { type: string }) => r.type === 'chair')).toEqual({
      type: 'chair',
      inStock: 0,
      threshold: null,
      isLow: false,
    });
    // 4 → 3: still at the threshold. 3 → 2: under it, ICT hears once. 2 → 1: nothing new.
    for (const tag of ['HS-1', 'HS-2', 'HS-3']) {
      const answer = await t.send(t.people.ict, 'PATCH', `${BASE}/assets/${tag}`, { status: 'in_repair' });
      expect(answer.statusCode).toBe(200);
    }
    const mails = await outbox();
    expect(mails).toEqual([expect.objectContaining({ to_address: 'ict@example.org' })]);
    expect(mails[0]!.subject).toMatch(/2/);
    report = (await t.send(t.people.ict, 'GET', `${BASE}/stock`)).json();
    expect(report.types.find((r: { type: string }) => r.type === 'headset')).toMatchObject({
      inStock: 1,
      isLow: true,
    });
    // Refilled to the threshold and under again: a new crossing, a new mail (here through the export).
    await t.send(t.people.ict, 'PATCH', `${BASE}/assets/HS-1`, { status: 'in_stock' });
    await t.send(t.people.ict, 'PATCH', `${BASE}/assets/HS-2`, { status: 'in_stock' });
    const unit = await findAssetByTag(db(), 'HS-1');
    const sent = await db()
      .transaction()
      .execute(async (trx) => {
        await moveAsset(trx, unit!, { kind: 'reserved', status: 'reserved', requestId: 'r-1' }, { id: null });
        return alertIfLowStock(trx, 'headset');
      });
    expect(sent).toBe(true);
    expect(await outbox()).toHaveLength(2);
    const csv = await t.send(t.people.ict, 'GET', `${BASE}/stock?format=csv&lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Threshold');
    expect((await t.send(t.people.employee, 'GET', `${BASE}/stock`)).statusCode).toBe(403);
  });

  it('lists who has what at home, with their unit, and audits the read', async () => {
    const person = await buildPerson(t.app, { name: 'Anne Peeters' });
    await register({ tag: 'HOME-1', type: 'screen', model: 'P2419H', serial: 'SN-HOME-1' });
    const unit = await findAssetByTag(db(), 'HOME-1');
    await db()
      .transaction()
      .execute((trx) =>
        moveAsset(
          trx,
          unit!,
          { kind: 'delivered', status: 'assigned', location: 'home', holderId: person.id },
          { id: null },
        ),
      );
    const report = await t.send(t.people.manager, 'GET', `${BASE}/home-report`);
    expect(report.statusCode).toBe(200);
    expect(report.json().items).toEqual([
      expect.objectContaining({
        person: { id: person.id, name: 'Anne Peeters' },
        tag: 'HOME-1',
        type: 'screen',
      }),
    ]);
    const xlsx = await t.send(t.people.manager, 'GET', `${BASE}/home-report?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'equipment.home_report_read')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('prints labels of the filtered assets: tag, type, model and a QR code of the asset page', async () => {
    const answer = await t.send(t.people.ict, 'GET', `${BASE}/assets/labels.pdf?type=screen`);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const pdf = readPdfText(answer.rawPayload);
    const words = pdf.fragments.map((f) => f.text);
    expect(words).toEqual(expect.arrayContaining(['REC-1', 'REC-3', 'HOME-1', 'P2419H']));
    expect(words).not.toContain('HS-1');
    expect(words.filter((w) => w === 'Écran' || w === 'Screen').length).toBeGreaterThanOrEqual(3);
    // The code carries the asset's address: its link annotation says the same.
    const raw = answer.rawPayload.toString('latin1');
    expect(raw).toContain(`${PUBLIC_URL}/equipment/assets/REC-1`);
    expect(QRCode.create(`${PUBLIC_URL}/equipment/assets/REC-1`).modules.size).toBeGreaterThan(20);
    const many = await t.send(t.people.employee, 'GET', `${BASE}/assets/labels.pdf`);
    expect(many.statusCode).toBe(403);
  });
});
