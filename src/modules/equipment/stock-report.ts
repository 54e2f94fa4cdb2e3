import type { Kysely } from 'kysely';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { countStockRows, type Db, listTypePolicies } from './asset-repository.js';
import type { StockReport } from './contract/stock-contract.js';
import { ASSET_TYPES, type AssetType } from './contract.js';
import { isLowStock } from './stock-rules.js';

/** Units in stock per type (each type, even at zero) and per type and site, against the thresholds. */
export async function stockReport(db: Kysely<any>): Promise<StockReport> {
  const [counts, policies] = await Promise.all([countStockRows(db as Db), listTypePolicies(db as Db)]);
  const thresholds = new Map(policies.map((p) => [p.type, p.low_stock_threshold ?? null]));
  const totals = new Map<string, number>();
  for (const row of counts) totals.set(row.type, (totals.get(row.type) ?? 0) + Number(row.n));
  const known = new Set<string>(ASSET_TYPES);
  const types = ASSET_TYPES.map((type) => {
    const inStock = totals.get(type) ?? 0;
    const threshold = thresholds.get(type) ?? null;
    return { type, inStock, threshold, isLow: isLowStock(inStock, threshold) };
  });
  const low = new Map(types.map((t) => [t.type as string, t.isLow]));
  return {
    types,
    rows: counts
      .filter((row) => known.has(row.type))
      .map((row) => ({
        type: row.type as AssetType,
        site: row.site,
        inStock: Number(row.n),
        threshold: thresholds.get(row.type) ?? null,
        isLow: low.get(row.type) ?? false,
      })),
  };
}

type StockLine = StockReport['rows'][number];

export function stockExport(report: StockReport, language: Language): TableExport<StockLine> {
  const t = (key: string) => translate(language, `equipment.stock.${key}`);
  return {
    name: 'relais-equipment-stock',
    sheet: t('sheet'),
    columns: [
      { header: t('column_type'), width: 18, value: (r) => translate(language, `equipment.type.${r.type}`) },
      { header: t('column_site'), width: 14, value: (r) => r.site },
      { header: t('column_in_stock'), kind: 'number', width: 12, value: (r) => r.inStock },
      { header: t('column_threshold'), kind: 'number', width: 12, value: (r) => r.threshold },
      { header: t('column_low'), width: 10, value: (r) => (r.isLow ? t('low') : '') },
    ],
    rows: report.rows,
  };
}
