import { brusselsDay } from '../../platform/db/time.js';
import { invalid } from '../../platform/errors.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { ASSET_TYPES } from './contract.js';
import type { DeliveryReport, DeliveryReportQuery, DeliveryReportRow } from './delivery-contract.js';
import { type Db, shippedUnits } from './delivery-repository.js';
import { instantsOfDays, periodOf } from './delivery-rules.js';

// Deliveries per week or month: the units that left (shipped home or handed over at a site), by
// type, counted in the Brussels week or month they left in (the 297 screens of spring 2020).

const emptyCounts = () =>
  Object.fromEntries(ASSET_TYPES.map((type) => [type, 0])) as DeliveryReportRow['byType'];

export async function deliveryReport(db: Db, query: DeliveryReportQuery): Promise<DeliveryReport> {
  const by = query.by ?? 'month';
  if (query.from && query.to && query.from > query.to)
    throw invalid([{ field: 'to', code: 'equipment.delivery.report_period', params: { from: query.from } }]);
  const span = {
    from: query.from ? instantsOfDays(query.from, query.from).from : null,
    to: query.to ? instantsOfDays(query.to, query.to).to : null,
  };
  const rows = new Map<string, DeliveryReportRow>();
  let total = 0;
  for (const unit of await shippedUnits(db, span, query.mode)) {
    const period = periodOf(brusselsDay(unit.shipped_at), by);
    let row = rows.get(period);
    if (!row) {
      row = { period, units: 0, byType: emptyCounts() };
      rows.set(period, row);
    }
    row.units += 1;
    const type = (ASSET_TYPES as readonly string[]).includes(unit.type)
      ? (unit.type as keyof DeliveryReportRow['byType'])
      : 'other';
    row.byType[type] += 1;
    total += 1;
  }
  return { by, rows: [...rows.values()].sort((a, b) => a.period.localeCompare(b.period)), total };
}

/** The report as a file: one row per period, a column per type, the total last. */
export function deliveryReportTable(
  report: DeliveryReport,
  language: Language,
): TableExport<DeliveryReportRow> {
  const t = (key: string) => translate(language, key);
  return {
    name: `equipment-deliveries-per-${report.by}`,
    sheet: t(`equipment.delivery.report.per_${report.by}`).slice(0, 31),
    columns: [
      { header: t(`equipment.delivery.report.${report.by}`), width: 12, value: (row) => row.period },
      ...ASSET_TYPES.map((type) => ({
        header: t(`equipment.delivery.types.${type}`),
        kind: 'number' as const,
        width: 12,
        value: (row: DeliveryReportRow) => row.byType[type],
      })),
      { header: t('equipment.delivery.report.units'), kind: 'number', width: 10, value: (row) => row.units },
    ],
    rows: report.rows,
  };
}
