import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../platform/db/time.js';
import { DIALECTS } from '../../test-support/databases.js';
import { withApp } from '../../test-support/with-app.js';
import { kitDueOn } from './kit-rules.js';
import { prepareKits } from './kit-service.js';
import { giveFunction, setFirstDay } from './request-test-rows.js';
import type { EquipmentTables } from './tables.js';

const API = '/api/v1/equipment';
const SYSTEM = { id: null, username: 'system' };

describe.each(DIALECTS)('%s: new colleagues’ kits', (dialect) => {
  const t = withApp(dialect, {
    as: { ict: { roles: ['ict'] }, newcomer: { roles: ['employee'] }, veteran: { roles: ['employee'] } },
  });
  const db = () => t.app.db as Kysely<EquipmentTables>;

  beforeAll(async () => {
    await giveFunction(db(), t.people.newcomer.id, 'CALL');
    await giveFunction(db(), t.people.veteran.id, 'CALL');
    await setFirstDay(db(), t.people.newcomer.id, '2030-03-04');
    await setFirstDay(db(), t.people.veteran.id, '2020-01-06');
    const created = await t.send(t.people.ict, 'POST', `${API}/profiles`, {
      names: { fr: 'Centre d’appel', nl: 'Callcenter', en: 'Call centre' },
      functions: ['CALL'],
      items: [
        { type: 'laptop', mode: 'default' },
        { type: 'headset', mode: 'default' },
        { type: 'screen', mode: 'on_request' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('prepares one kit per future colleague, of their default items, due the working day before, once', async () => {
    const run = await prepareKits(t.app.db, SYSTEM, brusselsDay());
    expect(run).toEqual({ kits: 1, requests: 2 });
    const rows = await db()
      .selectFrom('equipment_request')
      .selectAll()
      .where('person_id', '=', t.people.newcomer.id)
      .orderBy('type')
      .execute();
    expect(rows.map((r) => r.type)).toEqual(['headset', 'laptop']);
    expect(new Set(rows.map((r) => r.kit_id)).size).toBe(1);
    // 4 March 2030 is a Monday: the kit is due the Friday before.
    expect(rows.every((r) => r.due_on === '2030-03-01' && r.delivery === 'site')).toBe(true);
    expect(await prepareKits(t.app.db, SYSTEM, brusselsDay())).toEqual({ kits: 0, requests: 0 });
    // Through the API too (ICT), and two runs at once still make no second kit.
    const [a, b] = await Promise.all([
      t.send(t.people.ict, 'POST', `${API}/kits/prepare`),
      t.send(t.people.ict, 'POST', `${API}/kits/prepare`),
    ]);
    expect([a.json().kits, b.json().kits]).toEqual([0, 0]);
  });

  it('shows kits on the ICT list, by due date', async () => {
    const list = await t.send(t.people.ict, 'GET', `${API}/requests?scope=all&kits=true`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().items[0]).toMatchObject({ dueOn: '2030-03-01', personId: t.people.newcomer.id });
  });

  it('skips weekends and public holidays for the due date', () => {
    expect(kitDueOn('2030-03-05')).toBe('2030-03-04');
    // Tuesday after Easter Monday 2030 (22 April): due the Friday before Easter.
    expect(kitDueOn('2030-04-23')).toBe('2030-04-19');
  });
});
