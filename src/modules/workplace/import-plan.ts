import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import type { PlanFile } from './plan-file.js';
import { validatePlan } from './plan-validation.js';
import {
  type Db,
  findSite,
  insertDesk,
  insertFloor,
  insertSite,
  insertZone,
  listDesksOfFloors,
  listFloorsOfSites,
  listZonesOfFloors,
  updateDesk,
  updateFloor,
  updateSite,
  updateZone,
} from './repository.js';
import type { DeskRow, FloorRow, ZoneRow } from './tables.js';

export type ImportCounts = { created: number; updated: number; unchanged: number; retired: number };
export type PlanImportReport = {
  site: string;
  floors: ImportCounts;
  zones: ImportCounts;
  desks: ImportCounts;
};

const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0, retired: 0 });

/**
 * The columns a plan file sets; blocking a desk and a zone's own capacity are the facility
 * managers' and survive an import.
 */
type PlanColumns<Row> = Omit<
  Row,
  'id' | 'created_at' | 'updated_at' | 'is_blocked' | 'blocked_reason' | 'capacity_kind' | 'capacity_value'
>;

const changedColumns = <Row extends object>(current: Row, wanted: Partial<Row>): Partial<Row> =>
  Object.fromEntries(
    Object.entries(wanted).filter(([key, value]) => current[key as keyof Row] !== value),
  ) as Partial<Row>;

/**
 * Inserts what is new, updates what changed, counts what did not, and retires (never deletes) what
 * the file no longer lists, so past bookings keep their desk.
 */
async function syncRows<
  Row extends { id: string; is_retired: number; created_at: string; updated_at: string },
>(
  existing: readonly Row[],
  wanted: ReadonlyMap<string, PlanColumns<Row>>,
  write: {
    insert: (row: Row) => Promise<void>;
    update: (id: string, changes: Partial<Row>) => Promise<void>;
  },
  counts: ImportCounts,
  now: string,
  onEach: () => void = () => undefined,
): Promise<void> {
  const byId = new Map(existing.map((row) => [row.id, row]));
  for (const [id, columns] of wanted) {
    const current = byId.get(id);
    if (!current) {
      await write.insert({ ...columns, id, created_at: now, updated_at: now } as unknown as Row);
      counts.created += 1;
    } else {
      const changes = changedColumns(current, columns as Partial<Row>);
      if (Object.keys(changes).length === 0) counts.unchanged += 1;
      else {
        await write.update(id, { ...changes, updated_at: now });
        counts.updated += 1;
      }
    }
    onEach();
  }
  for (const row of existing) {
    if (wanted.has(row.id) || row.is_retired === 1) continue;
    await write.update(row.id, { is_retired: 1, updated_at: now } as Partial<Row>);
    counts.retired += 1;
  }
}

const floorColumns = (plan: PlanFile): Map<string, PlanColumns<FloorRow>> =>
  new Map(
    plan.floors.map((floor) => [
      floor.id,
      {
        site_id: plan.site.id,
        level: floor.level,
        name_fr: floor.name.fr,
        name_nl: floor.name.nl,
        name_en: floor.name.en,
        is_retired: 0,
      },
    ]),
  );

const zoneColumns = (plan: PlanFile): Map<string, PlanColumns<ZoneRow>> =>
  new Map(
    plan.floors.flatMap((floor) =>
      floor.zones.map((zone) => [
        zone.id,
        {
          floor_id: floor.id,
          name_fr: zone.name.fr,
          name_nl: zone.name.nl,
          name_en: zone.name.en,
          polygon: JSON.stringify(zone.polygon),
          is_retired: 0,
        },
      ]),
    ),
  );

const deskColumns = (plan: PlanFile): Map<string, PlanColumns<DeskRow>> =>
  new Map(
    plan.floors.flatMap((floor) =>
      floor.desks.map((desk) => [
        desk.id,
        {
          zone_id: desk.zone,
          floor_id: floor.id,
          x: desk.x,
          y: desk.y,
          features: JSON.stringify([...desk.features].sort()),
          is_retired: 0,
        },
      ]),
    ),
  );

/**
 * Loads a plan file (the format of demo/floorplans/botanique.json) for its site, all or nothing:
 * the whole file is checked first, then written in one transaction. Importing the same file
 * again changes nothing.
 */
export async function importPlan(
  db: Db,
  actor: AuditActor,
  input: unknown,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<PlanImportReport> {
  const plan = validatePlan(input);
  const report: PlanImportReport = {
    site: plan.site.id,
    floors: noCounts(),
    zones: noCounts(),
    desks: noCounts(),
  };
  const wantedDesks = deskColumns(plan);
  await withTransaction(db, async (trx) => {
    const now = nowInstant();
    const site = await findSite(trx, plan.site.id);
    const siteColumns = { name: plan.site.name, address: plan.site.address, timezone: plan.site.timezone };
    if (!site) await insertSite(trx, { id: plan.site.id, ...siteColumns, created_at: now, updated_at: now });
    else if (Object.keys(changedColumns(site, siteColumns)).length > 0)
      await updateSite(trx, site.id, { ...siteColumns, updated_at: now });

    const floors = await listFloorsOfSites(trx, [plan.site.id]);
    await syncRows(
      floors,
      floorColumns(plan),
      { insert: (r) => insertFloor(trx, r), update: (id, c) => updateFloor(trx, id, c) },
      report.floors,
      now,
    );
    const floorIds = [...new Set([...floors.map((f) => f.id), ...plan.floors.map((f) => f.id)])];
    const zones = await listZonesOfFloors(trx, floorIds);
    await syncRows(
      zones,
      zoneColumns(plan),
      {
        insert: (row) => insertZone(trx, { ...row, capacity_kind: null, capacity_value: null }),
        update: (id, changes) => updateZone(trx, id, changes),
      },
      report.zones,
      now,
    );
    const desks = await listDesksOfFloors(trx, floorIds);
    let done = 0;
    await syncRows(
      desks,
      wantedDesks,
      {
        insert: (row) => insertDesk(trx, { ...row, is_blocked: 0, blocked_reason: null }),
        update: (id, changes) => updateDesk(trx, id, changes),
      },
      report.desks,
      now,
      () => options.onProgress?.(++done, wantedDesks.size),
    );
    await writeAudit(trx, actor, {
      action: 'workplace.plan_imported',
      objectType: 'workplace_site',
      objectId: plan.site.id,
      summary: { floors: report.floors, zones: report.zones, desks: report.desks },
    });
  });
  return report;
}
