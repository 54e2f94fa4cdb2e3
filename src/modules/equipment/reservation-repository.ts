import { PostgresAdapter } from 'kysely';
import type { Db } from './profile-repository.js';
import type { AssetRow } from './tables.js';

// The SQL of a reservation: the request locked and a free unit picked (the unit then moves through
// asset-moves.ts' moveAsset, like every other change of an asset).

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
