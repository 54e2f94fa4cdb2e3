import { randomUUID } from 'node:crypto';
import { PostgresAdapter } from 'kysely';
import type { Db } from './profile-repository.js';
import type { AssetRow } from './tables.js';

// The SQL of a reservation: the request locked, a free unit picked, the unit and its history
// changed. Until the assets area's moveAsset is merged, the unit's change and its move are written
// here (the lead unifies them).

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The request's row, locked until the transaction ends on PostgreSQL (two reservations of one
 * request wait for each other, the second then sees the first's unit). SQLite's writer is one at
 * a time already.
 */
export const lockRequest = (db: Db, id: string) => {
  const query = db
    .selectFrom('equipment_request')
    .select(['id', 'person_id', 'type', 'kind', 'status', 'asset_id', 'version'])
    .where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
};

/**
 * A unit of the type in stock, not being taken by another transaction: on PostgreSQL the units
 * that concurrent reservations hold are skipped (`FOR UPDATE SKIP LOCKED`), so fifty callers pick
 * fifty different units without waiting in line.
 */
export const pickFreeUnit = (db: Db, type: string): Promise<AssetRow | undefined> => {
  const query = db
    .selectFrom('equipment_asset')
    .selectAll()
    .where('type', '=', type)
    .where('status', '=', 'in_stock')
    // Any free unit will do: no ORDER BY, so the (type, status) index answers without a sort of
    // the whole stock of the type.
    .limit(1);
  return (isPostgres(db) ? query.forUpdate().skipLocked() : query).executeTakeFirst();
};

export const findAsset = (db: Db, id: string): Promise<AssetRow | undefined> =>
  db.selectFrom('equipment_asset').selectAll().where('id', '=', id).executeTakeFirst();

type UnitChange = {
  kind: 'reserved' | 'released';
  status: 'reserved' | 'in_stock';
  holderId: string | null;
  requestId: string | null;
  at: string;
  actorId: string | null;
};

/**
 * Changes a unit's status, holder and request if it is still at the version read (false when
 * someone else changed it meanwhile), and appends the move to its history.
 */
export async function changeUnit(db: Db, asset: AssetRow, change: UnitChange): Promise<boolean> {
  const result = await db
    .updateTable('equipment_asset')
    .set({
      status: change.status,
      holder_id: change.holderId,
      request_id: change.requestId,
      updated_at: change.at,
      version: asset.version + 1,
    })
    .where('id', '=', asset.id)
    .where('version', '=', asset.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('equipment_asset_move')
    .values({
      id: randomUUID(),
      asset_id: asset.id,
      at: change.at,
      actor_id: change.actorId,
      kind: change.kind,
      from_status: asset.status,
      to_status: change.status,
      location: asset.location,
      site: asset.site,
      desk: asset.desk,
      holder_id: change.holderId,
      // The move names the request it served, released or not.
      request_id: change.requestId ?? asset.request_id,
      delivery_id: null,
      note: null,
    })
    .execute();
  return true;
}
