import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, conflict } from '../../platform/errors.js';
import type { Acceptance, AcceptanceList, Delivery, ReceiptItem } from './delivery-contract.js';
import {
  acceptancesOfDeliveries,
  assetsByIds,
  type Db,
  insertAcceptance,
  itemsOfDeliveries,
  listAcceptances,
  moveAsset,
  setRequestsStatus,
  updateDelivery,
} from './delivery-repository.js';
import { digestOf, frozenItems, itemsOf, stepAllowed } from './delivery-rules.js';
import { type Caller, deliveryDetail, namesOf, ownerFilter, visibleDelivery } from './delivery-service.js';
import type { AcceptanceRow } from './tables.js';

// The person's signed receipt: they confirm in the application that they have the batch in hand.
// One acceptance covers the whole batch (a kit), and freezes which units it was (tag, type, model,
// serial) with the SHA-256 of that text, so a later change to an asset never rewrites what was
// signed for. A person may confirm a shipped batch before ICT records the carrier's proof: they
// hold the parcel, and their word is the better proof; the batch is then delivered.

async function toAcceptances(db: Db, rows: readonly AcceptanceRow[]): Promise<Acceptance[]> {
  const names = await namesOf(
    db,
    rows.map((row) => row.person_id),
  );
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    personName: names.get(row.person_id)?.name ?? row.person_id,
    deliveryId: row.delivery_id,
    acceptedAt: row.accepted_at,
    items: itemsOf(row.items),
    digest: row.digest,
  }));
}

/** Only the person the batch is for confirms it; ICT sees it but cannot sign in their place. */
export async function acceptDelivery(caller: Caller, id: string): Promise<Delivery> {
  const { db, actor, viewer } = caller;
  await withTransaction(
    db,
    async (trx) => {
      const row = await visibleDelivery(trx, viewer, id);
      if (row.person_id !== viewer.id) throw new AppError('equipment.acceptance.not_the_person', 403);
      const accepted = (await acceptancesOfDeliveries(trx, [id])).has(id);
      if (accepted) throw conflict('equipment.delivery.already_accepted');
      if (!stepAllowed('accept', row.status, { signedForOn: row.signed_for_on, accepted }))
        throw conflict('equipment.delivery.step_not_allowed', { status: row.status });
      const items = await itemsOfDeliveries(trx, [id]);
      const assets = await assetsByIds(
        trx,
        items.map((item) => item.asset_id),
      );
      const at = nowInstant();
      const receipt: ReceiptItem[] = items.map((item) => ({
        assetTag: item.asset_tag,
        type: item.type,
        model: item.model,
        serial: item.serial,
      }));
      const frozen = frozenItems(receipt);
      const acceptanceId = `ACC-${randomUUID().slice(0, 8).toUpperCase()}`;
      await insertAcceptance(trx, {
        id: acceptanceId,
        person_id: row.person_id,
        delivery_id: id,
        accepted_at: at,
        items: frozen,
        digest: digestOf(frozen),
      });
      if (row.status === 'shipped')
        await updateDelivery(trx, id, 'shipped', { status: 'delivered', delivered_at: at, updated_at: at });
      await setRequestsStatus(
        trx,
        items.map((item) => item.request_id),
        'received',
        at,
      );
      for (const item of items) {
        const asset = assets.get(item.asset_id)!;
        if (asset.request_id !== item.request_id || !['in_transit', 'assigned'].includes(asset.status))
          throw conflict('equipment.delivery.asset_moved', { tag: asset.asset_tag, status: asset.status });
        const where =
          row.mode === 'home'
            ? { location: 'home', site: null, desk: null }
            : { location: asset.location, site: asset.site, desk: asset.desk };
        await moveAsset(
          trx,
          asset,
          { status: 'assigned', ...where, holderId: row.person_id, requestId: item.request_id },
          { kind: 'received', at, actorId: actor.id, deliveryId: id },
        );
      }
      await writeAudit(trx, actor, {
        action: 'equipment.delivery_accepted',
        objectType: 'equipment_acceptance',
        objectId: acceptanceId,
        summary: { delivery: id, units: items.length },
      });
    },
    { isolation: 'serializable' },
  );
  return deliveryDetail(caller, id);
}

/** A person's acceptances (their own; ICT and report readers anyone's, audited). */
export async function acceptanceList(caller: Caller, person: string | undefined): Promise<AcceptanceList> {
  const personId = await ownerFilter(caller, person);
  const rows = await listAcceptances(caller.db, personId ?? null);
  if (personId !== caller.viewer.id)
    await writeAudit(caller.db, caller.actor, {
      action: 'equipment.acceptance_list_read',
      objectType: 'equipment_acceptance',
      summary: { person: person ?? null, count: rows.length },
    });
  return { items: await toAcceptances(caller.db, rows) };
}
