import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { isUniqueViolation } from '../../platform/db/unique-violation.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { idsOfPeopleNamed, namesOfPeople } from '../directory/index.js';
import { moveAsset, moveRowOf } from './asset-moves.js';
import {
  type AssetSearch,
  assetRowBatches,
  type Db,
  findAssetBySerial,
  findAssetByTag,
  insertAssetRows,
  insertMoveRows,
  listMovesOf,
  searchAssetRows,
} from './asset-repository.js';
import { plannedChange, registrationPlace, searchTermsOf } from './asset-rules.js';
import type {
  Asset,
  AssetChange,
  AssetDetail,
  AssetFilter,
  AssetInput,
  AssetList,
  AssetMove,
  PersonRef,
} from './contract/asset-contract.js';
import type { AssetLocation, AssetStatus, AssetType } from './contract.js';
import { alertIfLowStock } from './stock-alert.js';
import type { AssetRow } from './tables.js';

// The assets' use cases: the searchable list, one asset with its history, registering one and
// ICT's changes (each a move, through moveAsset).

/** At most this many people match a name: beyond it the text names nobody in particular. */
const NAME_MATCHES_MAX = 200;

const ref = (id: string | null, names: Map<string, string>): PersonRef | null =>
  id === null ? null : { id, name: names.get(id) ?? id };

export function toAsset(row: AssetRow, names: Map<string, string>): Asset {
  return {
    tag: row.asset_tag,
    type: row.type as AssetType,
    model: row.model,
    serial: row.serial,
    status: row.status as AssetStatus,
    location: row.location as AssetLocation,
    site: row.site,
    desk: row.desk,
    holder: ref(row.holder_id, names),
    requestId: row.request_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

/** The filter as the repository reads it: the text split into an indexed prefix and the holders it names. */
export async function assetSearchOf(db: Kysely<any>, filter: AssetFilter): Promise<AssetSearch> {
  const search: AssetSearch = { type: filter.type, status: filter.status };
  if (filter.q?.trim()) {
    const terms = searchTermsOf(filter.q);
    search.prefix = terms.prefix;
    search.holderIds = terms.name ? await idsOfPeopleNamed(db, terms.name, NAME_MATCHES_MAX) : [];
  }
  return search;
}

export async function listAssets(
  db: Kysely<any>,
  filter: AssetFilter,
  page: { limit: number; offset: number },
): Promise<AssetList> {
  const { rows, total, totalIsLowerBound } = await searchAssetRows(
    db as Db,
    await assetSearchOf(db, filter),
    page,
  );
  const names = await namesOfPeople(
    db,
    rows.flatMap((r) => (r.holder_id ? [r.holder_id] : [])),
  );
  return { items: rows.map((row) => toAsset(row, names)), total, totalIsLowerBound };
}

/** Every asset of the filter as a file (who holds each is named: the download is audited). */
export async function assetsExport(
  db: Kysely<any>,
  actor: AuditActor,
  filter: AssetFilter,
  language: Language,
): Promise<TableExport<Asset>> {
  const search = await assetSearchOf(db, filter);
  await writeAudit(db, actor, {
    action: 'equipment.assets_exported',
    objectType: 'equipment_asset',
    summary: { filter },
  });
  const t = (key: string) => translate(language, `equipment.asset.${key}`);
  async function* rows(): AsyncGenerator<Asset> {
    for await (const batch of assetRowBatches(db as Db, search)) {
      const names = await namesOfPeople(
        db,
        batch.flatMap((r) => (r.holder_id ? [r.holder_id] : [])),
      );
      for (const row of batch) yield toAsset(row, names);
    }
  }
  return {
    name: 'relais-equipment-assets',
    sheet: t('sheet'),
    columns: [
      { header: t('column_tag'), width: 16, value: (a) => a.tag },
      { header: t('column_type'), width: 16, value: (a) => translate(language, `equipment.type.${a.type}`) },
      { header: t('column_model'), width: 28, value: (a) => a.model },
      { header: t('column_serial'), width: 20, value: (a) => a.serial },
      {
        header: t('column_status'),
        width: 14,
        value: (a) => translate(language, `equipment.status.${a.status}`),
      },
      {
        header: t('column_location'),
        width: 14,
        value: (a) => translate(language, `equipment.location.${a.location}`),
      },
      { header: t('column_site'), width: 12, value: (a) => a.site },
      { header: t('column_desk'), width: 14, value: (a) => a.desk },
      { header: t('column_holder'), width: 28, value: (a) => a.holder?.name },
      { header: t('column_updated'), kind: 'instant', width: 18, value: (a) => a.updatedAt },
    ],
    rows: rows(),
  };
}

async function assetOrNotFound(db: Kysely<any>, tag: string): Promise<AssetRow> {
  const row = await findAssetByTag(db as Db, tag);
  if (!row) throw notFound('equipment.asset.not_found', { tag });
  return row;
}

/** One asset with every move it made, the people named; a read naming its holder is audited. */
export async function readAsset(db: Kysely<any>, actor: AuditActor, tag: string): Promise<AssetDetail> {
  const row = await assetOrNotFound(db, tag);
  const moves = await listMovesOf(db as Db, row.id);
  const ids = [row.holder_id, ...moves.flatMap((m) => [m.holder_id, m.actor_id])].filter(
    (id): id is string => id !== null,
  );
  const names = await namesOfPeople(db, ids);
  if (moves.some((m) => m.holder_id !== null) || row.holder_id !== null)
    await writeAudit(db, actor, {
      action: 'equipment.asset_read',
      objectType: 'equipment_asset',
      objectId: row.asset_tag,
    });
  return {
    ...toAsset(row, names),
    moves: moves.map(
      (m): AssetMove => ({
        at: m.at,
        kind: m.kind,
        fromStatus: m.from_status as AssetStatus | null,
        toStatus: m.to_status as AssetStatus,
        location: m.location as AssetLocation,
        site: m.site,
        desk: m.desk,
        holder: ref(m.holder_id, names),
        actor: ref(m.actor_id, names),
        requestId: m.request_id,
        deliveryId: m.delivery_id,
        note: m.note,
      }),
    ),
  };
}

const serialTaken = (serial: string) =>
  invalid([{ field: 'serial', code: 'equipment.asset.serial_taken', params: { serial } }]);

/** Registers one unit (ICT): its first move is `registered`. */
export async function registerAsset(db: Kysely<any>, actor: AuditActor, input: AssetInput): Promise<Asset> {
  const place = registrationPlace(input);
  if (!place.ok) throw invalid(place.errors);
  const now = nowInstant();
  const row: AssetRow = {
    id: randomUUID(),
    asset_tag: input.tag,
    type: input.type,
    model: input.model.trim(),
    serial: input.serial ?? null,
    status: place.status,
    location: place.location,
    site: input.site ?? null,
    desk: input.desk ?? null,
    holder_id: null,
    request_id: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  try {
    await withTransaction(db, async (trx) => {
      if (await findAssetByTag(trx as Db, row.asset_tag))
        throw conflict('equipment.asset.tag_taken', { tag: row.asset_tag });
      if (row.serial !== null && (await findAssetBySerial(trx as Db, row.serial)))
        throw serialTaken(row.serial);
      await insertAssetRows(trx as Db, [row]);
      await insertMoveRows(trx as Db, [
        moveRowOf(row, { kind: 'registered', note: input.note }, actor, null, now),
      ]);
      await writeAudit(trx, actor, {
        action: 'equipment.asset_registered',
        objectType: 'equipment_asset',
        objectId: row.asset_tag,
        summary: { type: row.type, status: row.status },
      });
    });
  } catch (error) {
    // Two registrations of one tag or serial at once: the unique index is the last word.
    if (!(error instanceof AppError) && isUniqueViolation(error)) {
      if (row.serial !== null && (await findAssetBySerial(db as Db, row.serial)))
        throw serialTaken(row.serial);
      throw conflict('equipment.asset.tag_taken', { tag: row.asset_tag });
    }
    throw error;
  }
  return toAsset(row, new Map());
}

/** ICT's change of an asset: details, place or status, one move in its history. */
export async function changeAsset(
  db: Kysely<any>,
  actor: AuditActor,
  tag: string,
  patch: AssetChange,
): Promise<Asset> {
  const { version, ...wanted } = patch;
  const row = await withTransaction(db, async (trx) => {
    const asset = await assetOrNotFound(trx, tag);
    if (version !== undefined && version !== Number(asset.version))
      throw conflict('equipment.asset.changed_meanwhile', { tag });
    const plan = plannedChange(
      {
        status: asset.status as AssetStatus,
        location: asset.location as AssetLocation,
        site: asset.site,
        desk: asset.desk,
        holderId: asset.holder_id,
        requestId: asset.request_id,
        model: asset.model,
        serial: asset.serial,
      },
      wanted,
    );
    if (plan.outcome === 'invalid') throw invalid(plan.errors);
    if (plan.outcome === 'conflict') throw conflict(plan.code, { tag });
    if (plan.outcome === 'nothing') return asset;
    const serial = plan.change.details?.serial;
    if (serial) {
      const other = await findAssetBySerial(trx as Db, serial);
      if (other && other.id !== asset.id) throw serialTaken(serial);
    }
    const moved = await moveAsset(trx, asset, plan.change, actor);
    await writeAudit(trx, actor, {
      action: 'equipment.asset_changed',
      objectType: 'equipment_asset',
      objectId: asset.asset_tag,
      summary: { kind: plan.change.kind, from: asset.status, to: moved.status },
    });
    if (asset.status === 'in_stock' && moved.status !== 'in_stock')
      await alertIfLowStock(trx, moved.type, { left: 1 });
    return moved;
  });
  const names = await namesOfPeople(db, row.holder_id ? [row.holder_id] : []);
  return toAsset(row, names);
}
