import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { withGroupCommit } from '../../platform/db/group-commit.js';
import { nowInstant } from '../../platform/db/time.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { conflict, notFound } from '../../platform/errors.js';
import { moveAsset } from './asset-moves.js';
import { type Db, findRequest, type RequestListRow, updateRequest } from './request-repository.js';
import { findAsset, lockRequest, pickFreeUnit } from './reservation-repository.js';
import { alertIfLowStock } from './stock-alert.js';

// Setting a unit aside for a request, and giving it back. Two requests never get the same unit,
// nor more units than the stock holds: in one transaction the request is locked, a free unit of
// its type picked (on PostgreSQL skipping the units other reservations are taking), the unit
// marked reserved at the version read, and the request given the unit; the unique index on
// equipment_request.asset_id is the last guard. SQLite runs one writer at a time, and the
// reservations arriving together share one commit (withGroupCommit).

export type ReservationOutcome = { row: RequestListRow; assetTag: string };

/** Reserves a unit for an item request (ICT); a second call answers the unit of the first. */
export async function reserveRequest(db: Db, actor: AuditActor, id: string): Promise<ReservationOutcome> {
  try {
    const assetTag = await withGroupCommit(db, async (trx) => {
      const request = await lockRequest(trx, id);
      if (!request) throw notFound('equipment.request.not_found', { request: id });
      if (request.status === 'reserved' && request.asset_id)
        return (await findAsset(trx, request.asset_id))!.asset_tag;
      if (request.kind !== 'item') throw conflict('equipment.request.not_an_item');
      if (request.status === 'awaiting_approval') throw conflict('not_approved');
      if (request.status !== 'open')
        throw conflict('equipment.request.not_allowed_now', { status: request.status });
      const unit = await pickFreeUnit(trx, request.type);
      if (!unit) throw conflict('out_of_stock', { type: request.type });
      const at = nowInstant();
      await moveAsset(
        trx,
        unit,
        { kind: 'reserved', status: 'reserved', holderId: request.person_id, requestId: request.id, at },
        actor,
      );
      // The unit left stock: ICT hears of it when the type just fell under its threshold.
      await alertIfLowStock(trx, request.type);
      if (
        !(await updateRequest(trx, id, request.version, {
          status: 'reserved',
          asset_id: unit.id,
          updated_at: at,
        }))
      )
        throw conflict('equipment.request.changed');
      await writeAudit(trx, actor, {
        action: 'equipment.request_reserved',
        objectType: 'equipment_request',
        objectId: id,
        summary: { asset: unit.asset_tag },
      });
      return unit.asset_tag;
    });
    return { row: (await findRequest(db, id))!, assetTag };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('equipment.request.changed');
    throw error;
  }
}

/** Gives a reserved unit back to stock (within the caller's transaction). */
export async function releaseUnit(trx: Db, actor: AuditActor, assetId: string): Promise<void> {
  const unit = await findAsset(trx, assetId);
  if (unit?.status !== 'reserved') return;
  await moveAsset(
    trx,
    unit,
    { kind: 'released', status: 'in_stock', holderId: null, requestId: null },
    actor,
  );
}

/** Releases a request's reserved unit (ICT): the unit goes back to stock, the request is open again. */
export async function releaseRequest(db: Db, actor: AuditActor, id: string): Promise<RequestListRow> {
  await withGroupCommit(db, async (trx) => {
    const request = await lockRequest(trx, id);
    if (!request) throw notFound('equipment.request.not_found', { request: id });
    if (request.status !== 'reserved' || !request.asset_id)
      throw conflict('equipment.request.not_allowed_now', { status: request.status });
    await releaseUnit(trx, actor, request.asset_id);
    if (
      !(await updateRequest(trx, id, request.version, {
        status: 'open',
        asset_id: null,
        updated_at: nowInstant(),
      }))
    )
      throw conflict('equipment.request.changed');
    await writeAudit(trx, actor, {
      action: 'equipment.request_released',
      objectType: 'equipment_request',
      objectId: id,
    });
  });
  return (await findRequest(db, id))!;
}
