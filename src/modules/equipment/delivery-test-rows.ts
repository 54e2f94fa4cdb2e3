import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { unique } from '../../test-support/factories.js';
import type { AssetRow, EquipmentTables, RequestRow } from './tables.js';

// Rows the delivery tests need from the assets and requests areas, written directly (those areas
// are built apart): a unit in a stock room reserved for a person's request, as a reservation leaves
// them (request `reserved` with its unit; the unit `reserved`, with the request and the holder).

type Db = Kysely<any>;
const NOW = '2026-01-01T00:00:00.000Z';

export type ReservedUnit = { requestId: string; assetId: string; assetTag: string; serial: string };

export async function insertReservedRequest(
  db: Db,
  personId: string,
  overrides: {
    type?: string;
    model?: string;
    site?: string;
    address?: string | null;
    delivery?: 'home' | 'site';
    kitId?: string | null;
    request?: Partial<RequestRow>;
    asset?: Partial<AssetRow>;
  } = {},
): Promise<ReservedUnit> {
  const eq = db as Kysely<EquipmentTables>;
  const assetId = randomUUID();
  const requestId = randomUUID();
  const assetTag = unique('TAG').toUpperCase();
  const serial = unique('SN').toUpperCase();
  const type = overrides.type ?? 'screen';
  const site = overrides.site ?? 'botanique';
  await eq
    .insertInto('equipment_asset')
    .values({
      id: assetId,
      asset_tag: assetTag,
      type,
      model: overrides.model ?? 'Dell P2419H',
      serial,
      status: 'reserved',
      location: 'stock',
      site,
      desk: null,
      holder_id: personId,
      request_id: requestId,
      created_at: NOW,
      updated_at: NOW,
      version: 2,
      ...overrides.asset,
    })
    .execute();
  await eq
    .insertInto('equipment_asset_move')
    .values(
      [
        { kind: 'registered', from: null, to: 'in_stock', holder: null, request: null },
        { kind: 'reserved', from: 'in_stock', to: 'reserved', holder: personId, request: requestId },
      ].map((move) => ({
        id: randomUUID(),
        asset_id: assetId,
        at: NOW,
        actor_id: null,
        kind: move.kind,
        from_status: move.from,
        to_status: move.to,
        location: 'stock',
        site,
        desk: null,
        holder_id: move.holder,
        request_id: move.request,
        delivery_id: null,
        note: null,
      })),
    )
    .execute();
  await eq
    .insertInto('equipment_request')
    .values({
      id: requestId,
      person_id: personId,
      type,
      kind: 'item',
      status: 'reserved',
      delivery: overrides.delivery ?? 'home',
      site: overrides.delivery === 'site' ? site : null,
      address: overrides.address === undefined ? 'Kerkstraat 12, 9000 Gent' : overrides.address,
      reason: null,
      kit_id: overrides.kitId ?? null,
      due_on: null,
      amount_cents: null,
      receipt_name: null,
      receipt_type: null,
      receipt: null,
      asset_id: assetId,
      decided_by: null,
      decided_at: null,
      refusal_reason: null,
      created_by: personId,
      created_at: NOW,
      updated_at: NOW,
      version: 2,
      ...overrides.request,
    })
    .execute();
  return { requestId, assetId, assetTag, serial };
}

/** An asset's row and its moves, oldest first. */
export async function assetWithMoves(db: Db, assetId: string) {
  const eq = db as Kysely<EquipmentTables>;
  const asset = await eq
    .selectFrom('equipment_asset')
    .selectAll()
    .where('id', '=', assetId)
    .executeTakeFirstOrThrow();
  const moves = await eq
    .selectFrom('equipment_asset_move')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('at')
    .orderBy('kind')
    .execute();
  return { asset, moves };
}

export async function requestStatus(db: Db, requestId: string): Promise<string> {
  const row = await (db as Kysely<EquipmentTables>)
    .selectFrom('equipment_request')
    .select('status')
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** A batch shipped home at `shippedAt` with these reserved units (for the report's counts). */
export async function insertShippedDelivery(
  db: Db,
  personId: string,
  shippedAt: string,
  units: readonly ReservedUnit[],
): Promise<string> {
  const eq = db as Kysely<EquipmentTables>;
  const id = `DLV-T${randomUUID().slice(0, 7).toUpperCase()}`;
  await eq
    .insertInto('equipment_delivery')
    .values({
      id,
      person_id: personId,
      mode: 'home',
      address: 'Kerkstraat 12, 9000 Gent',
      site: null,
      carrier: 'bpost',
      carrier_ref: null,
      status: 'shipped',
      shipped_at: shippedAt,
      delivered_at: null,
      signed_for_on: null,
      returned_at: null,
      created_by: null,
      created_at: shippedAt,
      updated_at: shippedAt,
    })
    .execute();
  await eq
    .insertInto('equipment_delivery_item')
    .values(units.map((unit) => ({ delivery_id: id, request_id: unit.requestId, asset_id: unit.assetId })))
    .execute();
  return id;
}
