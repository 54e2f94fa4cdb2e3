import type { Kysely } from 'kysely';
import { type Db, findAssetByTag } from './asset-repository.js';
import type { AssetType } from './contract.js';

/** An asset as another module names it: the helpdesk's ticket about a unit, say. */
export type AssetOfTag = { tag: string; type: AssetType; model: string; holderId: string | null };

/** The asset of an exact tag (as printed on its label), or undefined when no unit has it. */
export async function assetOfTag(db: Kysely<any>, tag: string): Promise<AssetOfTag | undefined> {
  const row = await findAssetByTag(db as Db, tag);
  if (!row) return undefined;
  return { tag: row.asset_tag, type: row.type as AssetType, model: row.model, holderId: row.holder_id };
}
