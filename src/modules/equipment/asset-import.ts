import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { lineError, MAX_REPORTED_ERRORS, parseAssetFile } from './asset-import-file.js';
import { moveRowOf } from './asset-moves.js';
import { type Db, insertAssetRows, insertMoveRows, registeredTagsAndSerials } from './asset-repository.js';
import type { AssetMoveRow, AssetRow } from './tables.js';

const BATCH = 500;

/**
 * Registers the units of an import file, all or nothing, in one transaction: every bad line is
 * reported (line number and column) and then nothing is written. A tag or serial already
 * registered is an error on its line: an import adds units, it never changes one (ICT edits a
 * unit on its page), so importing the same file twice fails the second time and changes nothing.
 */
export async function importAssets(
  db: Kysely<any>,
  actor: AuditActor,
  text: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ imported: number }> {
  const parsed = parseAssetFile(text);
  const fail = (errors: FieldError[], count: number) => {
    throw new AppError('equipment.import.failed', 400, { count }, errors.slice(0, MAX_REPORTED_ERRORS));
  };
  if (parsed.errors.length > 0) fail(parsed.errors, parsed.badLines);
  const total = parsed.rows.length;
  return withTransaction(db, async (trx) => {
    const taken = await registeredTagsAndSerials(
      trx as Db,
      parsed.rows.map((r) => r.tag),
      parsed.rows.flatMap((r) => (r.serial ? [r.serial] : [])),
    );
    const errors: FieldError[] = [];
    let bad = 0;
    for (const row of parsed.rows) {
      const before = errors.length;
      if (taken.tags.has(row.tag))
        errors.push(lineError(row.line, 'asset_tag', 'equipment.asset.tag_taken', { tag: row.tag }));
      if (row.serial && taken.serials.has(row.serial))
        errors.push(lineError(row.line, 'serial', 'equipment.asset.serial_taken', { serial: row.serial }));
      if (errors.length > before) bad += 1;
    }
    if (errors.length > 0) fail(errors, bad);
    const now = nowInstant();
    options.onProgress?.(0, total);
    for (let i = 0; i < total; i += BATCH) {
      const assets: AssetRow[] = [];
      const moves: AssetMoveRow[] = [];
      for (const row of parsed.rows.slice(i, i + BATCH)) {
        const asset: AssetRow = {
          id: randomUUID(),
          asset_tag: row.tag,
          type: row.type,
          model: row.model,
          serial: row.serial,
          status: row.status,
          location: 'stock',
          site: row.site,
          desk: null,
          holder_id: null,
          request_id: null,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        assets.push(asset);
        moves.push(moveRowOf(asset, { kind: 'imported', note: `line ${row.line}` }, actor, null, now));
      }
      await insertAssetRows(trx as Db, assets);
      await insertMoveRows(trx as Db, moves);
      options.onProgress?.(Math.min(i + BATCH, total), total);
    }
    await writeAudit(trx, actor, {
      action: 'equipment.assets_imported',
      objectType: 'equipment_asset',
      summary: { count: total },
    });
    return { imported: total };
  });
}
