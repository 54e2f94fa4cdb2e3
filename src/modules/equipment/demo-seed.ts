import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit.js';
import { brusselsDay } from '../../platform/db/time.js';
import { demoPeople, idsOfUsernames } from '../directory/index.js';
import { blockedDesks, sitesWithDesks } from '../workplace/index.js';
import { DEMO_POLICIES, DEMO_PROFILES } from './equipment-demo-catalogue.js';
import { buildEquipmentDemo, type DemoStaff } from './equipment-demo-story.js';
import type { EquipmentTables } from './tables.js';

/** The demo's site: the building the workplace demo loads (demo/floorplans/botanique.json). */
const DEMO_SITE = 'botanique';
/** Rows per insert: well under both databases' limits on bound parameters (14 columns a move). */
const BATCH = 500;

export type EquipmentDemoReport = {
  seeded: boolean;
  assets: number;
  moves: number;
  requests: number;
  deliveries: number;
};

/**
 * Seeds the equipment demo after the directory, workplace and telework demos: profiles and type
 * policies, and the ICT service's 2020 (equipment-demo-story.ts) up to `today`. Does nothing where
 * equipment profiles exist already, so a second run changes nothing.
 */
export async function seedEquipmentDemo(
  db: Kysely<any>,
  _actor: AuditActor,
  today: string = brusselsDay(),
): Promise<EquipmentDemoReport> {
  const trx = db as Kysely<EquipmentTables>;
  const none = { seeded: false, assets: 0, moves: 0, requests: 0, deliveries: 0 };
  if (await trx.selectFrom('equipment_profile').select('id').limit(1).executeTakeFirst()) return none;
  const site = (await sitesWithDesks(db)).find((s) => s.site === DEMO_SITE);
  if (!site) return none;
  const people = demoPeople().filter((p) => !p.partner && p.orgUnit);
  const ids = await idsOfUsernames(
    db,
    people.map((p) => p.username),
  );
  const staff: DemoStaff[] = people.flatMap((p) => {
    const id = ids.get(p.username);
    return id ? [{ username: p.username, id, orgUnit: p.orgUnit!, language: p.language }] : [];
  });
  const blocked = (await blockedDesks(db)).map((d) => d.desk).filter((desk) => site.desks.includes(desk));
  const book = buildEquipmentDemo({
    staff,
    site: site.site,
    desks: site.desks,
    blockedDesks: blocked,
    today,
  });

  const now = `${today}T06:00:00.000Z`;
  const insert = async <T extends keyof EquipmentTables>(table: T, rows: EquipmentTables[T][]) => {
    for (let i = 0; i < rows.length; i += BATCH)
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + BATCH) as never)
        .execute();
  };
  await insert(
    'equipment_profile',
    DEMO_PROFILES.map((p) => ({
      id: p.id,
      name_fr: p.fr,
      name_nl: p.nl,
      name_en: p.en,
      created_at: '2020-03-02T08:00:00.000Z',
      updated_at: '2020-03-02T08:00:00.000Z',
    })),
  );
  await insert(
    'equipment_profile_function',
    DEMO_PROFILES.flatMap((p) => p.functions.map((code) => ({ function_code: code, profile_id: p.id }))),
  );
  await insert(
    'equipment_profile_item',
    DEMO_PROFILES.flatMap((p) => p.items.map(([type, mode]) => ({ profile_id: p.id, type, mode }))),
  );
  await insert(
    'equipment_type_policy',
    DEMO_POLICIES.map((p) => ({
      type: p.type,
      manager_approval: p.approval ? 1 : 0,
      contribution_cap_cents: p.capCents,
      contribution_period_months: p.periodMonths,
      low_stock_threshold: p.lowStock,
      updated_at: now,
      updated_by: ids.get('ict') ?? null,
    })),
  );
  await insert('equipment_asset', book.assets);
  await insert('equipment_asset_move', book.moves);
  await insert('equipment_request', book.requests);
  await insert('equipment_delivery', book.deliveries);
  await insert('equipment_delivery_item', book.deliveryItems);
  await insert('equipment_acceptance', book.acceptances);
  return {
    seeded: true,
    assets: book.assets.length,
    moves: book.moves.length,
    requests: book.requests.length,
    deliveries: book.deliveries.length,
  };
}
