import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { conflict } from '../../platform/errors.js';
import type {
  AcceptanceRow,
  AssetRow,
  DeliveryRow,
  EquipmentTables,
  RequestRow,
  ReturnRow,
} from './tables.js';

// The queries of deliveries, acceptances and returns, on the equipment module's own tables.

export type Db = Kysely<EquipmentTables>;

/** The handle another module's exported functions take (they type it with their own tables). */
export const forOtherModules = (db: Db): Kysely<any> => db as Kysely<any>;

/** Batches a request may travel in only once at a time (a returned batch frees its requests). */
const LIVE_BATCH = ['prepared', 'shipped', 'delivered'];

export type AssetChange = {
  status: string;
  location: string;
  site: string | null;
  desk: string | null;
  holderId: string | null;
  requestId: string | null;
};
export type MoveFacts = {
  kind: string;
  at: string;
  actorId: string | null;
  deliveryId: string | null;
  note?: string | null;
};

/**
 * Moves an asset (status, where it is, who holds it) and writes the move in its history, only if
 * nobody moved it meanwhile. Until the assets area exports its own moveAsset, deliveries use this.
 */
export async function moveAsset(
  db: Db,
  asset: AssetRow,
  change: AssetChange,
  facts: MoveFacts,
): Promise<void> {
  const updated = await db
    .updateTable('equipment_asset')
    .set({
      status: change.status,
      location: change.location,
      site: change.site,
      desk: change.desk,
      holder_id: change.holderId,
      request_id: change.requestId,
      updated_at: facts.at,
      version: asset.version + 1,
    })
    .where('id', '=', asset.id)
    .where('version', '=', asset.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw conflict('equipment.delivery.asset_changed', { tag: asset.asset_tag });
  await db
    .insertInto('equipment_asset_move')
    .values({
      id: randomUUID(),
      asset_id: asset.id,
      at: facts.at,
      actor_id: facts.actorId,
      kind: facts.kind,
      from_status: asset.status,
      to_status: change.status,
      location: change.location,
      site: change.site,
      desk: change.desk,
      holder_id: change.holderId,
      request_id: change.requestId,
      delivery_id: facts.deliveryId,
      note: facts.note ?? null,
    })
    .execute();
}

export async function assetsByIds(db: Db, ids: readonly string[]): Promise<Map<string, AssetRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('equipment_asset')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function assetsByTags(db: Db, tags: readonly string[]): Promise<Map<string, AssetRow>> {
  if (tags.length === 0) return new Map();
  const rows = await db
    .selectFrom('equipment_asset')
    .selectAll()
    .where('asset_tag', 'in', [...tags])
    .execute();
  return new Map(rows.map((row) => [row.asset_tag, row]));
}

export async function requestsByIds(db: Db, ids: readonly string[]): Promise<Map<string, RequestRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('equipment_request')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** For each request, the live batch it travels in. */
export async function liveBatchesOf(db: Db, requestIds: readonly string[]): Promise<Map<string, string>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('equipment_delivery_item as i')
    .innerJoin('equipment_delivery as d', 'd.id', 'i.delivery_id')
    .select(['i.request_id as requestId', 'd.id as deliveryId'])
    .where('i.request_id', 'in', [...requestIds])
    .where('d.status', 'in', LIVE_BATCH)
    .execute();
  return new Map(rows.map((row) => [row.requestId, row.deliveryId]));
}

/** The reserved requests of these kits: a kit travels in one batch. */
export async function reservedKitRequests(db: Db, kitIds: readonly string[]): Promise<string[]> {
  if (kitIds.length === 0) return [];
  const rows = await db
    .selectFrom('equipment_request')
    .select('id')
    .where('kit_id', 'in', [...kitIds])
    .where('status', '=', 'reserved')
    .execute();
  return rows.map((row) => row.id);
}

/** Reserved items not yet in a live batch, oldest first: what ICT can ship. */
export async function readyRequests(
  db: Db,
): Promise<(RequestRow & { asset_tag: string; model: string; serial: string | null })[]> {
  return db
    .selectFrom('equipment_request as r')
    .innerJoin('equipment_asset as a', 'a.id', 'r.asset_id')
    .selectAll('r')
    .select(['a.asset_tag as asset_tag', 'a.model as model', 'a.serial as serial'])
    .where('r.status', '=', 'reserved')
    .where('r.kind', '=', 'item')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('equipment_delivery_item as i')
            .innerJoin('equipment_delivery as d', 'd.id', 'i.delivery_id')
            .select('i.request_id')
            .whereRef('i.request_id', '=', 'r.id')
            .where('d.status', 'in', LIVE_BATCH),
        ),
      ),
    )
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
}

export async function insertDelivery(
  db: Db,
  row: DeliveryRow,
  items: readonly { requestId: string; assetId: string }[],
): Promise<void> {
  await db.insertInto('equipment_delivery').values(row).execute();
  await db
    .insertInto('equipment_delivery_item')
    .values(
      items.map((item) => ({ delivery_id: row.id, request_id: item.requestId, asset_id: item.assetId })),
    )
    .execute();
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('equipment_delivery').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Changes a batch only if it is still in the status it was read in. */
export async function updateDelivery(
  db: Db,
  id: string,
  fromStatus: string,
  changes: Partial<DeliveryRow>,
): Promise<void> {
  const updated = await db
    .updateTable('equipment_delivery')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict('equipment.delivery.changed');
}

export type ItemView = {
  delivery_id: string;
  request_id: string;
  request_status: string;
  asset_id: string;
  asset_tag: string;
  type: string;
  model: string;
  serial: string | null;
};

export async function itemsOfDeliveries(db: Db, ids: readonly string[]): Promise<ItemView[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('equipment_delivery_item as i')
    .innerJoin('equipment_asset as a', 'a.id', 'i.asset_id')
    .innerJoin('equipment_request as r', 'r.id', 'i.request_id')
    .select([
      'i.delivery_id as delivery_id',
      'i.request_id as request_id',
      'r.status as request_status',
      'i.asset_id as asset_id',
      'a.asset_tag as asset_tag',
      'a.type as type',
      'a.model as model',
      'a.serial as serial',
    ])
    .where('i.delivery_id', 'in', [...ids])
    .orderBy('a.asset_tag')
    .execute();
}

/** Moves the requests on, one version further each. */
export async function setRequestsStatus(
  db: Db,
  ids: readonly string[],
  status: string,
  at: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('equipment_request')
    .set((eb) => ({ status, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', 'in', [...ids])
    .execute();
}

export type DeliveryFilter = {
  personId?: string | undefined;
  status?: string | undefined;
  mode?: string | undefined;
  /** Instants [from, to): shipped then, or prepared then when not shipped yet. */
  between?: { from: string; to: string } | undefined;
};

function filtered(db: Db, filter: DeliveryFilter) {
  let query = db.selectFrom('equipment_delivery');
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.mode) query = query.where('mode', '=', filter.mode);
  const between = filter.between;
  if (between)
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('shipped_at', '>=', between.from), eb('shipped_at', '<', between.to)]),
        eb.and([
          eb('shipped_at', 'is', null),
          eb('created_at', '>=', between.from),
          eb('created_at', '<', between.to),
        ]),
      ]),
    );
  return query;
}

export async function listDeliveries(
  db: Db,
  filter: DeliveryFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DeliveryRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, filter)
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function acceptancesOfDeliveries(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, AcceptanceRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('equipment_acceptance')
    .selectAll()
    .where('delivery_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.delivery_id!, row]));
}

export async function insertAcceptance(db: Db, row: AcceptanceRow): Promise<void> {
  await db.insertInto('equipment_acceptance').values(row).execute();
}

export async function listAcceptances(db: Db, personId: string | null): Promise<AcceptanceRow[]> {
  let query = db.selectFrom('equipment_acceptance').selectAll();
  if (personId) query = query.where('person_id', '=', personId);
  return query.orderBy('accepted_at', 'desc').orderBy('id').limit(1000).execute();
}

/** Units shipped (or handed over) between two instants: when, and of which type. */
export async function shippedUnits(
  db: Db,
  between: { from: string | null; to: string | null },
  mode: string | undefined,
): Promise<{ shipped_at: string; type: string }[]> {
  let query = db
    .selectFrom('equipment_delivery as d')
    .innerJoin('equipment_delivery_item as i', 'i.delivery_id', 'd.id')
    .innerJoin('equipment_asset as a', 'a.id', 'i.asset_id')
    .select(['d.shipped_at as shipped_at', 'a.type as type'])
    .where('d.shipped_at', 'is not', null);
  if (between.from) query = query.where('d.shipped_at', '>=', between.from);
  if (between.to) query = query.where('d.shipped_at', '<', between.to);
  if (mode) query = query.where('d.mode', '=', mode);
  return (await query.execute()) as { shipped_at: string; type: string }[];
}

export async function insertReturn(db: Db, row: ReturnRow): Promise<void> {
  await db.insertInto('equipment_return').values(row).execute();
}

export async function findReturn(db: Db, id: string): Promise<ReturnRow | undefined> {
  return db.selectFrom('equipment_return').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listReturns(db: Db, personId: string | null): Promise<ReturnRow[]> {
  let query = db.selectFrom('equipment_return').selectAll();
  if (personId) query = query.where('person_id', '=', personId);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(1000).execute();
}

/** The requests a unit was handed over on and still counts for, which its return closes. */
export async function openRequestsOfAssets(db: Db, assetIds: readonly string[]): Promise<string[]> {
  if (assetIds.length === 0) return [];
  const rows = await db
    .selectFrom('equipment_request')
    .select('id')
    .where('asset_id', 'in', [...assetIds])
    .where('status', 'in', ['delivered', 'received'])
    .execute();
  return rows.map((row) => row.id);
}
