import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { type FieldError, invalid } from '../../platform/errors.js';
import { blockedDesks } from '../workplace/index.js';
import { moveAsset } from './asset-moves.js';
import { type Db, findAssetsByTags, listAssetsOnDesks } from './asset-repository.js';
import { toAsset } from './assets.js';
import type { RecoveryCollect, RecoveryList, RecoveryResult } from './contract/recovery-contract.js';

// Equipment on the desks the distancing rules closed: listed for ICT to collect, and returned to a
// stock room with a `recovered` move once collected.

/** Every blocked desk (workplace's list) with the units registered on it. */
export async function recoveryList(db: Kysely<any>): Promise<RecoveryList> {
  const desks = await blockedDesks(db);
  const assets = await listAssetsOnDesks(
    db as Db,
    desks.map((d) => d.desk),
  );
  const onDesk = new Map<string, typeof assets>();
  for (const asset of assets) onDesk.set(asset.desk!, [...(onDesk.get(asset.desk!) ?? []), asset]);
  return {
    desks: desks.map((d) => ({
      desk: d.desk,
      reason: d.reason,
      assets: (onDesk.get(d.desk) ?? []).map((row) => toAsset(row, new Map())),
    })),
  };
}

/**
 * ICT collected these units from their desks: each goes back to the site's stock room, nobody
 * holds it, and its history tells from which desk. All or nothing: a tag that is unknown or not
 * on a desk is named (`tags.2`) and nothing moves.
 */
export async function collectRecovered(
  db: Kysely<any>,
  actor: AuditActor,
  input: RecoveryCollect,
): Promise<RecoveryResult> {
  return withTransaction(db, async (trx) => {
    const rows = new Map((await findAssetsByTags(trx as Db, input.tags)).map((r) => [r.asset_tag, r]));
    const errors: FieldError[] = [];
    input.tags.forEach((tag, i) => {
      const row = rows.get(tag);
      if (!row) errors.push({ field: `tags.${i}`, code: 'equipment.asset.not_found', params: { tag } });
      else if (row.location !== 'desk' || row.status === 'retired')
        errors.push({ field: `tags.${i}`, code: 'equipment.recovery.not_on_desk', params: { tag } });
    });
    if (errors.length > 0) throw invalid(errors);
    const recovered = [];
    for (const tag of input.tags) {
      const row = rows.get(tag)!;
      const moved = await moveAsset(
        trx,
        row,
        {
          kind: 'recovered',
          status: row.status === 'in_repair' ? 'in_repair' : 'in_stock',
          location: 'stock',
          site: input.site,
          desk: null,
          holderId: null,
          requestId: null,
          note: input.note?.trim() || `desk ${row.desk}`,
        },
        actor,
      );
      recovered.push(toAsset(moved, new Map()));
    }
    await writeAudit(trx, actor, {
      action: 'equipment.assets_recovered',
      objectType: 'equipment_asset',
      summary: { tags: input.tags, site: input.site },
    });
    return { recovered };
  });
}
