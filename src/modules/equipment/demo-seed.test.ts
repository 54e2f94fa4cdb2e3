import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { brusselsDay } from '../../platform/db/time.js';
import { seedDemo } from '../../server/demo-seed.js';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { demoPeople, idsOfUsernames } from '../directory/index.js';
import { blockedDesks } from '../workplace/index.js';
import {
  ASSET_LOCATIONS,
  ASSET_STATUSES,
  ASSET_TYPES,
  DELIVERY_MODES,
  DELIVERY_STATUSES,
  PROFILE_ITEM_MODES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
} from './contract.js';
import { seedEquipmentDemo } from './demo-seed.js';
import { screenRecipients } from './equipment-demo-story.js';
import type { EquipmentTables } from './tables.js';

// The equipment demo on the demo institution: the ICT service's 2020 and today's queue, whole and
// consistent, so that every equipment screen shows something true after the first `npm start`.

const TABLES = [
  'equipment_acceptance',
  'equipment_delivery_item',
  'equipment_delivery',
  'equipment_request',
  'equipment_asset_move',
  'equipment_asset',
  'equipment_profile_item',
  'equipment_profile_function',
  'equipment_profile',
  'equipment_type_policy',
] as const;

describe.each(DIALECTS)('%s: equipment demo seed', (dialect) => {
  let t: TestApp;
  let db: Kysely<EquipmentTables>;
  let ids: Map<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    db = t.app.db as Kysely<EquipmentTables>;
    ids = await idsOfUsernames(
      t.app.db,
      demoPeople().map((p) => p.username),
    );
  });
  afterAll(() => t.close());

  const all = <T extends keyof EquipmentTables>(table: T) =>
    db.selectFrom(table).selectAll().execute() as Promise<EquipmentTables[T][]>;

  it('ships a second screen to the home of every teleworker who asked, mid-March to June 2020', async () => {
    const rows = await db
      .selectFrom('equipment_delivery as d')
      .innerJoin('equipment_delivery_item as i', 'i.delivery_id', 'd.id')
      .innerJoin('equipment_asset as a', 'a.id', 'i.asset_id')
      .select(['d.carrier', 'd.carrier_ref', 'd.shipped_at', 'd.delivered_at', 'd.signed_for_on', 'd.status'])
      .where('a.type', '=', 'screen')
      .where('d.mode', '=', 'home')
      .where('d.delivered_at', '>=', '2020-01-01')
      .where('d.delivered_at', '<', '2021-01-01')
      .execute();
    const staff = demoPeople().filter((p) => !p.partner && p.orgUnit);
    const expected = screenRecipients(
      staff.map((p) => ({ username: p.username, id: '', orgUnit: p.orgUnit!, language: p.language })),
    ).length;
    expect(rows).toHaveLength(expected);
    expect(expected).toBeGreaterThan(80);
    for (const row of rows) {
      expect(['bpost', 'PostNL']).toContain(row.carrier);
      expect(row.carrier_ref).toMatch(/^(CD\d{9}BE|3SRSVZ\d{7})$/);
      expect(row.shipped_at! >= '2020-03-16' && row.shipped_at! < '2020-07-01').toBe(true);
      expect(row.delivered_at! > row.shipped_at!).toBe(true);
      expect(row.signed_for_on).toBe(row.delivered_at!.slice(0, 10));
      expect(row.status).toBe('delivered');
    }
  });

  it('gives every unit a history whose last move is where the unit is now', async () => {
    const assets = await all('equipment_asset');
    const moves = await all('equipment_asset_move');
    const byAsset = new Map<string, typeof moves>();
    for (const move of moves) byAsset.set(move.asset_id, [...(byAsset.get(move.asset_id) ?? []), move]);
    expect(assets.length).toBeGreaterThan(500);
    for (const asset of assets) {
      const history = (byAsset.get(asset.id) ?? []).sort((a, b) => a.at.localeCompare(b.at));
      expect(history.length, asset.asset_tag).toBeGreaterThan(0);
      expect(history[0]!.kind).toBe('registered');
      const last = history[history.length - 1]!;
      expect([last.to_status, last.location, last.holder_id], asset.asset_tag).toEqual([
        asset.status,
        asset.location,
        asset.holder_id,
      ]);
      for (const [i, move] of history.entries())
        if (i > 0) expect(move.from_status, asset.asset_tag).toBe(history[i - 1]!.to_status);
    }
    expect(new Set(assets.map((a) => a.asset_tag)).size).toBe(assets.length);
    expect(assets.every((a) => /^RSVZ-[A-Z]{2}-\d{5}$/.test(a.asset_tag))).toBe(true);
  });

  it('never gives one unit to two requests, and a unit held on a request is that request’s', async () => {
    const requests = await all('equipment_request');
    const held = requests.filter((r) => r.asset_id !== null).map((r) => r.asset_id);
    expect(new Set(held).size).toBe(held.length);
    const assetOf = new Map(requests.map((r) => [r.id, r.asset_id]));
    for (const asset of await all('equipment_asset'))
      if (asset.request_id) expect(assetOf.get(asset.request_id)).toBe(asset.id);
  });

  it('has a signed acceptance naming the unit of every received request', async () => {
    const received = await db
      .selectFrom('equipment_request as r')
      .innerJoin('equipment_delivery_item as i', 'i.request_id', 'r.id')
      .innerJoin('equipment_asset as a', 'a.id', 'i.asset_id')
      .select(['r.id', 'r.person_id', 'i.delivery_id', 'a.asset_tag'])
      .where('r.status', '=', 'received')
      .execute();
    const count = await db
      .selectFrom('equipment_request')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'received')
      .executeTakeFirstOrThrow();
    expect(received).toHaveLength(Number(count.n));
    const acceptances = new Map((await all('equipment_acceptance')).map((a) => [a.delivery_id, a]));
    for (const request of received) {
      const acceptance = acceptances.get(request.delivery_id);
      expect(acceptance?.person_id, request.id).toBe(request.person_id);
      const items = JSON.parse(acceptance!.items) as { asset_tag: string }[];
      expect(items.map((i) => i.asset_tag)).toContain(request.asset_tag);
      expect(acceptance!.digest).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('speaks only the contract’s vocabularies', async () => {
    const inside = (values: readonly (string | null)[], vocabulary: readonly string[]) =>
      expect(values.filter((v) => v !== null && !vocabulary.includes(v))).toEqual([]);
    const assets = await all('equipment_asset');
    inside(
      assets.map((a) => a.status),
      ASSET_STATUSES,
    );
    inside(
      assets.map((a) => a.location),
      ASSET_LOCATIONS,
    );
    inside(
      assets.map((a) => a.type),
      ASSET_TYPES,
    );
    const moves = await all('equipment_asset_move');
    inside(
      moves.flatMap((m) => [m.from_status, m.to_status]),
      ASSET_STATUSES,
    );
    inside(
      moves.map((m) => m.location),
      ASSET_LOCATIONS,
    );
    const requests = await all('equipment_request');
    inside(
      requests.map((r) => r.status),
      REQUEST_STATUSES,
    );
    inside(
      requests.map((r) => r.kind),
      REQUEST_KINDS,
    );
    inside(
      requests.map((r) => r.delivery),
      DELIVERY_MODES,
    );
    inside(
      requests.map((r) => r.type),
      ASSET_TYPES,
    );
    const deliveries = await all('equipment_delivery');
    inside(
      deliveries.map((d) => d.status),
      DELIVERY_STATUSES,
    );
    inside(
      deliveries.map((d) => d.mode),
      DELIVERY_MODES,
    );
    inside(
      (await all('equipment_profile_item')).map((i) => i.mode),
      PROFILE_ITEM_MODES,
    );
    inside(
      (await all('equipment_type_policy')).map((p) => p.type),
      ASSET_TYPES,
    );
  });

  it('equips each function the telework demo knows, in three languages, with approval for a chair only', async () => {
    const functions = await all('equipment_profile_function');
    expect(functions.map((f) => f.function_code).sort()).toEqual(
      [
        'accueil',
        'agent-call-center',
        'gestionnaire-rh',
        'informaticien',
        'juriste',
        'logistique',
        'redacteur',
        'responsable-equipe',
      ].sort(),
    );
    const profiles = await all('equipment_profile');
    expect(profiles.find((p) => p.id === 'profile-administrative')).toMatchObject({
      name_fr: 'Agent administratif',
      name_nl: 'Administratief medewerker',
      name_en: 'Administrative officer',
    });
    const policies = await all('equipment_type_policy');
    expect(policies.filter((p) => p.manager_approval === 1).map((p) => p.type)).toEqual(['chair']);
    expect(policies.find((p) => p.type === 'chair')).toMatchObject({
      contribution_cap_cents: 15_000,
      contribution_period_months: 36,
    });
  });

  it('leaves the screens’ stock under its threshold, and the other kinds above theirs', async () => {
    const stock = await db
      .selectFrom('equipment_asset')
      .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'in_stock')
      .groupBy('type')
      .execute();
    const inStock = new Map(stock.map((s) => [s.type, Number(s.n)]));
    for (const policy of await all('equipment_type_policy')) {
      if (policy.low_stock_threshold === null) continue;
      const n = inStock.get(policy.type) ?? 0;
      if (policy.type === 'screen') expect(n).toBeLessThan(policy.low_stock_threshold);
      else expect(n, policy.type).toBeGreaterThanOrEqual(policy.low_stock_threshold);
    }
  });

  it('ships the new colleagues’ kits before their first day, and keeps the renewal stock’s story', async () => {
    const kits = (await all('equipment_request')).filter((r) => r.kit_id !== null);
    expect(new Set(kits.map((k) => k.kit_id)).size).toBeGreaterThanOrEqual(20);
    for (const request of kits) {
      expect(request.due_on! < '2020-03-16').toBe(true);
      expect(request.status).toBe('received');
    }
    const shipped = await db
      .selectFrom('equipment_delivery as d')
      .innerJoin('equipment_delivery_item as i', 'i.delivery_id', 'd.id')
      .innerJoin('equipment_request as r', 'r.id', 'i.request_id')
      .select(['d.delivered_at', 'r.due_on'])
      .where('r.kit_id', 'is not', null)
      .execute();
    expect(shipped.every((s) => s.delivered_at!.slice(0, 10) <= s.due_on!)).toBe(true);
    const renewal = await db
      .selectFrom('equipment_asset')
      .select(['status'])
      .where('model', '=', 'Dell Latitude 7480')
      .execute();
    expect(renewal.filter((a) => a.status === 'assigned').length).toBeGreaterThanOrEqual(20);
  });

  it('puts units on the desks the workplace blocks, for the recovery screen, and some in repair or retired', async () => {
    const desks = (await blockedDesks(t.app.db)).map((d) => d.desk);
    expect(desks.length).toBeGreaterThan(0);
    const onBlocked = await db
      .selectFrom('equipment_asset')
      .select('desk')
      .where('desk', 'in', desks)
      .execute();
    expect(new Set(onBlocked.map((a) => a.desk))).toEqual(new Set(desks));
    const statuses = new Set((await all('equipment_asset')).map((a) => a.status));
    expect(statuses).toEqual(new Set(ASSET_STATUSES));
    const recovered = await db
      .selectFrom('equipment_asset_move')
      .select('id')
      .where('kind', '=', 'recovered')
      .execute();
    expect(recovered.length).toBeGreaterThan(0);
  });

  it('gives the demo accounts something to see today', async () => {
    const emma = ids.get('employee')!;
    const hers = (await all('equipment_asset')).filter((a) => a.holder_id === emma && a.location === 'home');
    expect(hers.map((a) => a.type).sort()).toEqual(expect.arrayContaining(['headset', 'laptop']));
    const requests = await all('equipment_request');
    const own = requests.filter((r) => r.person_id === emma);
    expect(own.find((r) => r.type === 'screen')?.status).toBe('reserved');
    expect(own.find((r) => r.type === 'chair')?.status).toBe('awaiting_approval');
    const today = brusselsDay();
    const open = requests.filter((r) => ['open', 'reserved', 'shipped'].includes(r.status));
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.every((r) => r.created_at.slice(0, 10) <= today)).toBe(true);
    expect(requests.filter((r) => r.person_id === ids.get('manager'))).not.toHaveLength(0);
    const paid = requests.filter((r) => r.status === 'paid');
    expect(paid).toHaveLength(2);
    expect(paid.every((r) => r.kind === 'contribution' && r.amount_cents! > 0 && r.receipt !== null)).toBe(
      true,
    );
  });

  it('changes nothing when run again, as the demo as a whole', async () => {
    const count = async () =>
      Promise.all(
        TABLES.map(async (table) =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await count();
    expect((await seedEquipmentDemo(t.app.db, CLI_ACTOR)).seeded).toBe(false);
    expect((await seedDemo(t.app.db)).seeded).toBe(false);
    expect(await count()).toEqual(before);
  });

  it('seeds the same year again on an emptied module, quickly', async () => {
    const tags = async () =>
      (
        await db
          .selectFrom('equipment_asset')
          .select(['asset_tag', 'serial', 'status'])
          .orderBy('asset_tag')
          .execute()
      )
        .map((a) => `${a.asset_tag} ${a.serial} ${a.status}`)
        .join('\n');
    const before = await tags();
    for (const table of TABLES) await db.deleteFrom(table).execute();
    const started = performance.now();
    const report = await seedEquipmentDemo(t.app.db, CLI_ACTOR);
    const ms = Math.round(performance.now() - started);
    console.info(`${dialect}: equipment demo seed ${ms} ms`, report);
    expect(report.seeded).toBe(true);
    expect(await tags()).toBe(before);
  });
});
