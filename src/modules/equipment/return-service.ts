import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import type { FieldError } from '../../platform/errors.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { EquipmentReturn, ReceiptItem, ReturnCreate, ReturnList } from './delivery-contract.js';
import {
  assetsByTags,
  type Db,
  findReturn,
  insertReturn,
  listReturns,
  moveAsset,
  openRequestsOfAssets,
} from './delivery-repository.js';
import { digestOf, frozenItems, itemsOf } from './delivery-rules.js';
import { type Caller, namesOf, ownerFilter, personIdOf } from './delivery-service.js';
import type { ReceiptInput } from './return-receipt.js';
import type { ReturnRow } from './tables.js';

// Units coming back from a person (they leave, a swap, a broken unit): ICT registers them together,
// each goes back to a site's stock room with a `returned` move, the requests they were handed over
// on are closed, and the person gets a receipt listing what they gave back.

async function toReturns(db: Db, rows: readonly ReturnRow[]): Promise<EquipmentReturn[]> {
  const names = await namesOf(
    db,
    rows.map((row) => row.person_id),
  );
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    personName: names.get(row.person_id)?.name ?? row.person_id,
    site: row.site,
    returnedOn: row.returned_on,
    reason: row.reason,
    items: itemsOf(row.items),
    digest: row.digest,
    createdAt: row.created_at,
  }));
}

export async function registerReturn(caller: Caller, input: ReturnCreate): Promise<EquipmentReturn> {
  const { db, actor, today } = caller;
  const id = `RET-${randomUUID().slice(0, 8).toUpperCase()}`;
  await withTransaction(
    db,
    async (trx) => {
      const personId = await personIdOf(trx, input.person, 'person');
      const tags = [...new Set(input.assets.map((tag) => tag.trim()))];
      const assets = await assetsByTags(trx, tags);
      const problems: FieldError[] = [];
      for (const tag of tags) {
        const asset = assets.get(tag);
        if (!asset) problems.push({ field: 'assets', code: 'equipment.return.unknown_tag', params: { tag } });
        else if (asset.holder_id !== personId || asset.status !== 'assigned')
          problems.push({ field: 'assets', code: 'equipment.return.not_held', params: { tag } });
      }
      if (problems.length) throw invalid(problems);
      const at = nowInstant();
      const site = input.site.trim();
      const reason = input.reason?.trim() || null;
      const units = tags.map((tag) => assets.get(tag)!);
      const requestIds = await openRequestsOfAssets(
        trx,
        units.map((asset) => asset.id),
      );
      // The request gives its unit up (the unit may be reserved for someone else: one request per unit).
      if (requestIds.length)
        await trx
          .updateTable('equipment_request')
          .set((eb) => ({
            status: 'returned',
            asset_id: null,
            updated_at: at,
            version: eb('version', '+', 1),
          }))
          .where('id', 'in', requestIds)
          .execute();
      for (const asset of units)
        await moveAsset(
          trx,
          asset,
          { status: 'in_stock', location: 'stock', site, desk: null, holderId: null, requestId: null },
          { kind: 'returned', at, actorId: actor.id, deliveryId: null, note: reason ?? `return ${id}` },
        );
      const items: ReceiptItem[] = units.map((asset) => ({
        assetTag: asset.asset_tag,
        type: asset.type,
        model: asset.model,
        serial: asset.serial,
      }));
      const frozen = frozenItems(items);
      await insertReturn(trx, {
        id,
        person_id: personId,
        site,
        returned_on: today,
        reason,
        items: frozen,
        digest: digestOf(frozen),
        created_by: actor.id,
        created_at: at,
      });
      await writeAudit(trx, actor, {
        action: 'equipment.return_registered',
        objectType: 'equipment_return',
        objectId: id,
        summary: { units: tags.length, site },
      });
    },
    { isolation: 'serializable' },
  );
  return (await toReturns(db, [(await findReturn(db, id))!]))[0]!;
}

export async function returnList(caller: Caller, person: string | undefined): Promise<ReturnList> {
  const personId = await ownerFilter(caller, person);
  const rows = await listReturns(caller.db, personId ?? null);
  if (personId !== caller.viewer.id)
    await writeAudit(caller.db, caller.actor, {
      action: 'equipment.return_list_read',
      objectType: 'equipment_return',
      summary: { person: person ?? null, count: rows.length },
    });
  return { items: await toReturns(caller.db, rows) };
}

/** What the receipt prints: the person's own, or anyone's for ICT and report readers. */
export async function returnReceipt(caller: Caller, id: string): Promise<ReceiptInput> {
  const { db, viewer } = caller;
  const row = await findReturn(db, id);
  if (!row || !(viewer.canManage || viewer.canReport || row.person_id === viewer.id))
    throw notFound('equipment.return.not_found', { id });
  const person = (await namesOf(db, [row.person_id])).get(row.person_id);
  const language = person?.language;
  return {
    id: row.id,
    personName: person?.name ?? row.person_id,
    language: language === 'nl' || language === 'en' ? language : 'fr',
    site: row.site,
    returnedOn: row.returned_on,
    reason: row.reason,
    items: itemsOf(row.items),
    digest: row.digest,
  };
}
