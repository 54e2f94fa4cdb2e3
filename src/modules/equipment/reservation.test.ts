import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { withApp } from '../../test-support/with-app.js';
import { insertOpenRequests, insertUnits } from './request-test-rows.js';
import type { EquipmentTables } from './tables.js';

const API = '/api/v1/equipment';

describe.each(DIALECTS)('%s: reserving units under concurrency', (dialect) => {
  const t = withApp(dialect, { as: { ict: { roles: ['ict'] }, employee: { roles: ['employee'] } } });
  const db = () => t.app.db as Kysely<EquipmentTables>;

  it('gives 50 requests competing for 20 units exactly 20 distinct units, the others out_of_stock', async () => {
    await insertUnits(db(), 'headset', 20, `HS-${dialect}`);
    const requests = await insertOpenRequests(db(), t.people.employee.id, 'headset', 50);
    const answers = await Promise.all(
      requests.map((id) => t.send(t.people.ict, 'POST', `${API}/requests/${id}/reserve`)),
    );
    const reserved = answers.filter((a) => a.statusCode === 200);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(reserved).toHaveLength(20);
    expect(refused).toHaveLength(30);
    expect(refused.every((a) => a.json().code === 'out_of_stock')).toBe(true);
    const tags = new Set(reserved.map((a) => a.json().asset_tag));
    expect(tags.size).toBe(20);
    // What the database holds agrees: 20 units reserved, each for one request that holds it.
    const units = await db()
      .selectFrom('equipment_asset')
      .selectAll()
      .where('type', '=', 'headset')
      .execute();
    expect(units.filter((u) => u.status === 'reserved')).toHaveLength(20);
    const holding = await db()
      .selectFrom('equipment_request')
      .select(['id', 'asset_id'])
      .where('type', '=', 'headset')
      .where('status', '=', 'reserved')
      .execute();
    expect(holding).toHaveLength(20);
    for (const row of holding) expect(units.find((u) => u.id === row.asset_id)?.request_id).toBe(row.id);
  });

  it('answers the same unit to the same request reserved twice at once', async () => {
    await insertUnits(db(), 'mouse', 3, `MS-${dialect}`);
    const [id] = await insertOpenRequests(db(), t.people.employee.id, 'mouse', 1);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.send(t.people.ict, 'POST', `${API}/requests/${id}/reserve`)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.json().asset_tag)).size).toBe(1);
    const taken = await db()
      .selectFrom('equipment_asset')
      .select('id')
      .where('type', '=', 'mouse')
      .where('status', '=', 'reserved')
      .execute();
    expect(taken).toHaveLength(1);
  });

  it('releases a unit back to stock, with its move', async () => {
    await insertUnits(db(), 'keyboard', 1, `KB-${dialect}`);
    const [id] = await insertOpenRequests(db(), t.people.employee.id, 'keyboard', 1);
    const reserved = await t.send(t.people.ict, 'POST', `${API}/requests/${id}/reserve`);
    expect(reserved.statusCode, reserved.body).toBe(200);
    const released = await t.send(t.people.ict, 'POST', `${API}/requests/${id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ status: 'open', assetTag: null });
    const unit = await db()
      .selectFrom('equipment_asset')
      .selectAll()
      .where('type', '=', 'keyboard')
      .executeTakeFirstOrThrow();
    expect(unit.status).toBe('in_stock');
    const moves = await db()
      .selectFrom('equipment_asset_move')
      .select('kind')
      .where('asset_id', '=', unit.id)
      .orderBy('at')
      .execute();
    expect(moves.map((m) => m.kind)).toEqual(['reserved', 'released']);
    expect((await t.send(t.people.employee, 'POST', `${API}/requests/${id}/reserve`)).statusCode).toBe(403);
  });
});
