import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildPerson } from '../../test-support/factories.js';
import { withApp } from '../../test-support/with-app.js';
import { moveAsset } from './asset-moves.js';
import { type Db, findAssetByTag, searchAssetRows } from './asset-repository.js';

const ASSETS = '/api/v1/equipment/assets';

describe.each(DIALECTS)('%s: equipment assets', (dialect) => {
  const t = withApp(dialect, { as: ['ict', 'employee', 'manager'] });
  const db = () => t.app.db as Kysely<any>;
  const register = (body: object) => t.send(t.people.ict, 'POST', ASSETS, body);

  it('registers a unit, finds it by tag, serial, model, type and status, and pages the list', async () => {
    for (let i = 1; i <= 12; i++) {
      const created = await register({
        tag: `SRCH-${String(i).padStart(3, '0')}`,
        type: i % 2 ? 'laptop' : 'screen',
        model: i % 2 ? 'Latitude 5410' : 'P2419H',
        serial: `SN-SRCH-${i}`,
        site: 'BOT',
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    expect((await register({ tag: 'SRCH-001', type: 'mouse', model: 'M' })).statusCode).toBe(409);
    const byTag = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=srch-00`)).json();
    expect(byTag.total).toBe(9);
    expect(byTag.items[0]).toMatchObject({
      tag: 'SRCH-001',
      status: 'in_stock',
      location: 'stock',
      site: 'BOT',
    });
    const bySerial = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=SN-SRCH-12`)).json();
    expect(bySerial.items.map((a: { tag: string }) => a.tag)).toEqual(['SRCH-012']);
    const byModel = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=latitude&type=laptop`)).json();
    expect(byModel.total).toBe(6);
    const page = (
      await t.send(t.people.ict, 'GET', `${ASSETS}?type=screen&status=in_stock&limit=4&offset=4`)
    ).json();
    expect(page.total).toBe(6);
    expect(page.items.map((a: { tag: string }) => a.tag)).toEqual(['SRCH-010', 'SRCH-012']);
    expect((await t.send(t.people.ict, 'GET', `${ASSETS}?q=%25%25`)).json()).toEqual({
      items: [],
      total: 0,
      totalIsLowerBound: false,
    });
    expect(byTag.totalIsLowerBound).toBe(false);
    // Only ICT keeps the inventory.
    expect((await t.send(t.people.employee, 'GET', ASSETS)).statusCode).toBe(403);
    expect(
      (await t.send(t.people.manager, 'POST', ASSETS, { tag: 'X-1', type: 'mouse', model: 'M' })).statusCode,
    ).toBe(403);
  });

  it('counts matches up to a bound and then says the total is a lower bound, the pages staying in tag order', async () => {
    // Two models of one prefix, their tags interleaved: each model's matches come from its own
    // index and are merged back into tag order.
    for (let i = 1; i <= 8; i++) {
      const created = await register({
        tag: `BND-${i}`,
        type: 'headset',
        model: i % 2 ? 'Boundless 40' : 'Boundless2 65',
        serial: `SN-BND-${i}`,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const tags = (rows: { asset_tag: string }[]) => rows.map((r) => r.asset_tag);
    const search = (prefix: string | undefined, page: { limit: number; offset: number }) =>
      searchAssetRows(db() as Db, prefix ? { prefix } : { type: 'headset' }, page, 3);
    for (const prefix of ['boundless', 'BND-', undefined]) {
      const first = await search(prefix, { limit: 2, offset: 0 });
      expect(first.total).toBe(3);
      expect(first.totalIsLowerBound).toBe(true);
      expect(tags(first.rows)).toEqual(['BND-1', 'BND-2']);
      // Past the bound, the count reaches the page asked for, so a next page is known to exist.
      const deeper = await search(prefix, { limit: 2, offset: 4 });
      expect(deeper).toMatchObject({ total: 6, totalIsLowerBound: true });
      expect(tags(deeper.rows)).toEqual(['BND-5', 'BND-6']);
      const last = await search(prefix, { limit: 5, offset: 5 });
      expect(last).toMatchObject({ total: 8, totalIsLowerBound: false });
      expect(tags(last.rows)).toEqual(['BND-6', 'BND-7', 'BND-8']);
    }
    const list = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=boundless2`)).json();
    expect(list.total).toBe(4);
    expect(list.totalIsLowerBound).toBe(false);
    expect(list.items.map((a: { tag: string }) => a.tag)).toEqual(['BND-2', 'BND-4', 'BND-6', 'BND-8']);
  });

  it('finds units of many models starting alike, in tag order', async () => {
    // More models than are searched one by one: searched as one range instead.
    for (let i = 1; i <= 15; i++)
      expect(
        (
          await register({
            tag: `MNY-${String(i).padStart(2, '0')}`,
            type: 'mouse',
            model: `Manymodel ${16 - i}`,
          })
        ).statusCode,
      ).toBe(201);
    const found = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=manymodel&limit=10&offset=10`)).json();
    expect(found.total).toBe(15);
    expect(found.items.map((a: { tag: string }) => a.tag)).toEqual([
      'MNY-11',
      'MNY-12',
      'MNY-13',
      'MNY-14',
      'MNY-15',
    ]);
    const three = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=manymodel 1`)).json();
    expect(three.items.map((a: { model: string }) => a.model)).toEqual([
      'Manymodel 15',
      'Manymodel 14',
      'Manymodel 13',
      'Manymodel 12',
      'Manymodel 11',
      'Manymodel 10',
      'Manymodel 1',
    ]);
  });

  it("finds a unit by its holder's name, and names the holder", async () => {
    const holder = await buildPerson(t.app, { name: 'Zoé Vandermeulen', username: 'zvdm' });
    await register({ tag: 'HOLD-1', type: 'headset', model: 'Jabra Evolve 40', serial: 'SN-HOLD-1' });
    const asset = await findAssetByTag(db(), 'HOLD-1');
    await db()
      .transaction()
      .execute((trx) =>
        moveAsset(
          trx,
          asset!,
          { kind: 'handed_over', status: 'assigned', location: 'home', holderId: holder.id },
          {
            id: t.people.ict.id,
          },
        ),
      );
    for (const q of ['vandermeulen', 'zvdm', 'Zoé']) {
      const found = (await t.send(t.people.ict, 'GET', `${ASSETS}?q=${encodeURIComponent(q)}`)).json();
      expect(found.items, q).toEqual([
        expect.objectContaining({ tag: 'HOLD-1', holder: { id: holder.id, name: 'Zoé Vandermeulen' } }),
      ]);
    }
  });

  it('refuses a serial already registered, naming the field, and writes nothing', async () => {
    await register({ tag: 'DUP-1', type: 'mouse', model: 'MX', serial: 'SN-DUP' });
    const again = await register({ tag: 'DUP-2', type: 'mouse', model: 'MX', serial: 'SN-DUP' });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([
      expect.objectContaining({ field: 'serial', code: 'equipment.asset.serial_taken' }),
    ]);
    expect(await findAssetByTag(db(), 'DUP-2')).toBeUndefined();
    await register({ tag: 'DUP-3', type: 'mouse', model: 'MX' });
    const changed = await t.send(t.people.ict, 'PATCH', `${ASSETS}/DUP-3`, { serial: 'SN-DUP' });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().errors[0].field).toBe('serial');
  });

  it('answers 404 with a problem document for an unknown tag', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { status: 'in_repair' }],
    ] as const) {
      const answer = await t.send(t.people.ict, method, `${ASSETS}/NOPE-404`, body);
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ code: 'equipment.asset.not_found', status: 404 });
    }
  });

  it('keeps every change as a move with its actor: repair, back in stock, on a desk, retired', async () => {
    await register({
      tag: 'HIST-1',
      type: 'laptop',
      model: 'Latitude 5410',
      serial: 'SN-HIST-1',
      site: 'BOT',
    });
    const steps = [
      { status: 'in_repair', note: 'broken hinge' },
      { status: 'in_stock', site: 'WTC' },
      { model: 'Latitude 5420' },
      { desk: 'WTC-3-A-01', site: 'WTC' },
      { status: 'retired' },
    ];
    for (const step of steps) {
      const answer = await t.send(t.people.ict, 'PATCH', `${ASSETS}/HIST-1`, step);
      expect(answer.statusCode, answer.body).toBe(200);
    }
    const moved = await t.send(t.people.ict, 'PATCH', `${ASSETS}/HIST-1`, { status: 'in_stock' });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().code).toBe('equipment.asset.retired');
    const detail = await t.send(t.people.ict, 'GET', `${ASSETS}/HIST-1`);
    expect(detail.statusCode).toBe(200);
    const asset = detail.json();
    expect(asset).toMatchObject({ status: 'retired', location: 'stock', desk: null, model: 'Latitude 5420' });
    expect(
      asset.moves.map((m: { kind: string; fromStatus: string | null; toStatus: string }) => [
        m.kind,
        m.fromStatus,
        m.toStatus,
      ]),
    ).toEqual([
      ['registered', null, 'in_stock'],
      ['sent_to_repair', 'in_stock', 'in_repair'],
      ['repaired', 'in_repair', 'in_stock'],
      ['edited', 'in_stock', 'in_stock'],
      ['placed', 'in_stock', 'assigned'],
      ['retired', 'assigned', 'retired'],
    ]);
    expect(asset.moves[1]).toMatchObject({ note: 'broken hinge', actor: { id: t.people.ict.id } });
    expect(asset.moves[3].note).toBe('model: Latitude 5410 → Latitude 5420');
    expect(asset.moves[4]).toMatchObject({ location: 'desk', site: 'WTC', desk: 'WTC-3-A-01' });
  });

  it('refuses a change made on a stale version, and a move of a unit a request holds', async () => {
    await register({ tag: 'VER-1', type: 'mouse', model: 'MX' });
    const first = await t.send(t.people.ict, 'PATCH', `${ASSETS}/VER-1`, { model: 'MX 2', version: 1 });
    expect(first.statusCode).toBe(200);
    const stale = await t.send(t.people.ict, 'PATCH', `${ASSETS}/VER-1`, { model: 'MX 3', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('equipment.asset.changed_meanwhile');
    const asset = await findAssetByTag(db(), 'VER-1');
    await db()
      .transaction()
      .execute((trx) =>
        moveAsset(trx, asset!, { kind: 'reserved', status: 'reserved', requestId: 'req-1' }, { id: null }),
      );
    const held = await t.send(t.people.ict, 'PATCH', `${ASSETS}/VER-1`, { status: 'in_stock' });
    expect(held.statusCode).toBe(409);
    expect(held.json().code).toBe('equipment.asset.held_by_request');
    // moveAsset itself refuses a row read before someone else's move.
    await expect(
      db()
        .transaction()
        .execute((trx) => moveAsset(trx, asset!, { kind: 'released', status: 'in_stock' }, { id: null })),
    ).rejects.toMatchObject({ code: 'equipment.asset.changed_meanwhile', status: 409 });
  });

  it('downloads the filtered list as CSV and XLSX', async () => {
    const csv = await t.send(t.people.ict, 'GET', `${ASSETS}?q=SRCH-01&format=csv&lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Tag');
    expect(lines.slice(1).map((l) => l.split(/[;,]/)[0])).toEqual(['SRCH-010', 'SRCH-011', 'SRCH-012']);
    const xlsx = await t.send(t.people.ict, 'GET', `${ASSETS}?type=screen&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
