import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowInstant } from '../../platform/db/time.js';
import { conflict } from '../../platform/errors.js';
import { type Db, updateAssetRowAt } from './asset-repository.js';
import type { AssetLocation, AssetStatus } from './contract.js';
import type { AssetMoveRow, AssetRow } from './tables.js';

// The one way an asset's status or place changes: the row and its history move together, in the
// caller's transaction, so the history never misses a move and never tells of one that did not
// happen. Reservation, shipping, recovery and ICT's edits all come through here.

/**
 * What a move changes. A field left out keeps its value; `null` clears it. `kind` names the move
 * in the history (reserved, released, shipped, delivered, handed_over, returned, recovered,
 * repaired, retired, stocked, placed, edited…).
 */
export type AssetChangeOfPlace = {
  kind: string;
  status?: AssetStatus;
  location?: AssetLocation;
  site?: string | null;
  desk?: string | null;
  holderId?: string | null;
  requestId?: string | null;
  /** Recorded on the move only (the delivery batch that carried the unit). */
  deliveryId?: string | null;
  note?: string | null;
  /** When it happened, if the caller's step has its own time (a batch shipped at that instant); default now. */
  at?: string;
  /** Details that are not a place (model, serial): written on the row with the move. */
  details?: { model?: string; serial?: string | null };
};

/** Who moved it: a person's id, or null for the command line and jobs. */
export type MoveActor = { id: string | null };

/**
 * Moves `asset` (as read in this transaction: its `version` guards against a change made
 * meanwhile, which is refused with 409 `equipment.asset.changed_meanwhile`) and appends the move to
 * its history. Returns the row as it now is.
 */
export async function moveAsset(
  trx: Kysely<any>,
  asset: AssetRow,
  change: AssetChangeOfPlace,
  actor: MoveActor,
): Promise<AssetRow> {
  const db = trx as Db;
  const at = change.at ?? nowInstant();
  const next: AssetRow = {
    ...asset,
    ...(change.details?.model !== undefined && { model: change.details.model }),
    ...(change.details?.serial !== undefined && { serial: change.details.serial }),
    status: change.status ?? asset.status,
    location: change.location ?? asset.location,
    site: change.site !== undefined ? change.site : asset.site,
    desk: change.desk !== undefined ? change.desk : asset.desk,
    holder_id: change.holderId !== undefined ? change.holderId : asset.holder_id,
    request_id: change.requestId !== undefined ? change.requestId : asset.request_id,
    // Never before the last move: the history's order is its time order (ISO text, compared as such).
    updated_at: [asset.updated_at, at].sort()[1]!,
    version: asset.version + 1,
  };
  const { id: _id, version: _version, created_at: _created, ...columns } = next;
  if (!(await updateAssetRowAt(db, asset.id, asset.version, columns)))
    throw conflict('equipment.asset.changed_meanwhile', { tag: asset.asset_tag });
  await db
    .insertInto('equipment_asset_move')
    .values(moveRowOf(next, change, actor, asset.status, next.updated_at))
    .execute();
  return next;
}

/** The history row of a move to `asset` (as it is after the move); also the first move of a new asset. */
export function moveRowOf(
  asset: AssetRow,
  change: Pick<AssetChangeOfPlace, 'kind' | 'deliveryId' | 'note'>,
  actor: MoveActor,
  fromStatus: string | null,
  at: string,
): AssetMoveRow {
  return {
    id: randomUUID(),
    asset_id: asset.id,
    at,
    actor_id: actor.id,
    kind: change.kind,
    from_status: fromStatus,
    to_status: asset.status,
    location: asset.location,
    site: asset.site,
    desk: asset.desk,
    holder_id: asset.holder_id,
    request_id: asset.request_id,
    delivery_id: change.deliveryId ?? null,
    note: change.note ?? null,
  };
}
