import { parse } from 'csv-parse/sync';
import { Value } from 'typebox/value';
import type { FieldError } from '../../platform/errors.js';
import { ASSET_IMPORT_COLUMNS, AssetLimits } from './contract/asset-contract.js';
import { ASSET_TYPES, type AssetStatus, AssetTag, type AssetType } from './contract.js';

// Reading an asset import file, without a database. The header is exactly
// `asset_tag,type,model,serial,status,site` (line 1); every bad line is reported with its number
// and column (`line.7.serial`), and a file with one bad line gives no rows at all.

export type ImportedAsset = {
  line: number;
  tag: string;
  type: AssetType;
  model: string;
  serial: string | null;
  status: AssetStatus;
  site: string | null;
};

/** Field errors kept for the answer; the bad lines are still all counted. */
export const MAX_REPORTED_ERRORS = 50;

/** What an import file may set: a unit in a stock room, away for repair, or retired. */
const IMPORTABLE = new Set<string>(['in_stock', 'in_repair', 'retired']);
const SITE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export type ParsedAssetFile = { rows: ImportedAsset[]; errors: FieldError[]; badLines: number };

export const lineError = (line: number, column: string, code: string, params = {}): FieldError => ({
  field: `line.${line}${column ? `.${column}` : ''}`,
  code,
  params: { ...params, line },
});

export function parseAssetFile(text: string): ParsedAssetFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      max_record_size: 4096,
      to: AssetLimits.importRowsMax + 2,
    }) as unknown as typeof records;
  } catch (error) {
    const { lines } = error as { lines?: number };
    return { rows: [], errors: [lineError(lines ?? 1, '', 'equipment.import.unreadable')], badLines: 1 };
  }
  const [first, ...body] = records;
  const header = (first?.record ?? []).map((h) => h.trim().toLowerCase());
  const expected = ASSET_IMPORT_COLUMNS.join(',');
  const missing = ASSET_IMPORT_COLUMNS.filter((column) => !header.includes(column));
  const unknown = header.filter((name) => !(ASSET_IMPORT_COLUMNS as readonly string[]).includes(name));
  if (missing.length > 0)
    return {
      rows: [],
      errors: [
        lineError(1, missing[0]!, 'equipment.import.missing_column', {
          column: missing.join(', '),
          expected,
        }),
      ],
      badLines: 1,
    };
  if (unknown.length > 0 || header.length !== ASSET_IMPORT_COLUMNS.length)
    return {
      rows: [],
      errors: [
        lineError(1, unknown[0] ?? '', 'equipment.import.unknown_column', {
          column: unknown.join(', ') || header.join(','),
          expected,
        }),
      ],
      badLines: 1,
    };
  if (body.length > AssetLimits.importRowsMax)
    return {
      rows: [],
      errors: [lineError(1, '', 'validation.maxItems', { limit: AssetLimits.importRowsMax })],
      badLines: 1,
    };
  const at = ASSET_IMPORT_COLUMNS.map((column) => header.indexOf(column));
  const rows: ImportedAsset[] = [];
  const errors: FieldError[] = [];
  const tagLines = new Map<string, number>();
  const serialLines = new Map<string, number>();
  let badLines = 0;
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (i: number) => (record[at[i]!] ?? '').trim();
    const [tag, type, model, serial, status, site] = [0, 1, 2, 3, 4, 5].map(cell) as string[];
    const lineErrors: FieldError[] = [];
    const fail = (column: string, code: string, params = {}) =>
      lineErrors.push(lineError(line, column, code, params));
    if (record.length !== ASSET_IMPORT_COLUMNS.length)
      fail('', 'equipment.import.cell_count', {
        count: record.length,
        expected: ASSET_IMPORT_COLUMNS.length,
      });
    if (!tag) fail('asset_tag', 'validation.required');
    else if (!Value.Check(AssetTag, tag)) fail('asset_tag', 'equipment.import.bad_tag');
    else if (tagLines.has(tag))
      fail('asset_tag', 'equipment.import.duplicate_tag', { tag, first: tagLines.get(tag) });
    if (!(ASSET_TYPES as readonly string[]).includes(type!))
      fail('type', 'validation.enum', { allowed: ASSET_TYPES.join(', ') });
    if (!model) fail('model', 'validation.required');
    else if (model.length > AssetLimits.modelMax)
      fail('model', 'validation.maxLength', { limit: AssetLimits.modelMax });
    if (serial!.length > AssetLimits.serialMax)
      fail('serial', 'validation.maxLength', { limit: AssetLimits.serialMax });
    else if (serial && serialLines.has(serial))
      fail('serial', 'equipment.import.duplicate_serial', { serial, first: serialLines.get(serial) });
    if (status && !IMPORTABLE.has(status))
      fail('status', 'validation.enum', { allowed: [...IMPORTABLE].join(', ') });
    if (site && (site.length > AssetLimits.siteMax || !SITE.test(site))) fail('site', 'validation.pattern');
    if (tag && !tagLines.has(tag)) tagLines.set(tag, line);
    if (serial && !serialLines.has(serial)) serialLines.set(serial, line);
    if (lineErrors.length > 0) {
      badLines += 1;
      errors.push(...lineErrors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - errors.length)));
      continue;
    }
    rows.push({
      line,
      tag: tag!,
      type: type as AssetType,
      model: model!,
      serial: serial || null,
      status: (status || 'in_stock') as AssetStatus,
      site: site || null,
    });
  }
  if (body.length === 0 && errors.length === 0) {
    errors.push(lineError(2, '', 'equipment.import.empty'));
    badLines = 1;
  }
  return { rows, errors, badLines };
}
