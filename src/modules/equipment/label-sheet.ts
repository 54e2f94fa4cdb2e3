import type { Kysely } from 'kysely';
import { invalid } from '../../platform/errors.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { assetRowBatches, type Db } from './asset-repository.js';
import { assetSearchOf } from './assets.js';
import { type AssetFilter, AssetLimits } from './contract/asset-contract.js';
import { type AssetLabel, assetUrl, renderAssetLabels } from './label-pdf.js';

/**
 * The label sheet of the assets a filter selects (the list's filter), in tag order. At most
 * AssetLimits.labelsMax labels a sheet: more is refused naming the filter, rather than a PDF no
 * printer finishes.
 */
export async function assetLabelsPdf(
  db: Kysely<any>,
  filter: AssetFilter,
  options: { publicUrl: string; language: Language; now: Date },
): Promise<{ content: Buffer; pages: number }> {
  const labels: AssetLabel[] = [];
  for await (const batch of assetRowBatches(db as Db, await assetSearchOf(db, filter))) {
    for (const row of batch)
      labels.push({
        tag: row.asset_tag,
        type: translate(options.language, `equipment.type.${row.type}`),
        model: row.model,
        url: assetUrl(options.publicUrl, row.asset_tag),
      });
    if (labels.length > AssetLimits.labelsMax)
      throw invalid([
        { field: 'q', code: 'equipment.labels.too_many', params: { limit: AssetLimits.labelsMax } },
      ]);
  }
  return renderAssetLabels(labels, {
    title: translate(options.language, 'equipment.labels.title'),
    generatedAt: options.now,
  });
}
