import { csvCell } from '../../shared/spreadsheet-cell.js';
import { brusselsTimeText, type ExportColumn, type TableExport } from './table.js';

// A byte-order mark tells Excel the file is UTF-8: without it, "Bénéficiaire" opens as "BÃ©nÃ©ficiaire".
const BOM = '\uFEFF';
// Rows are sent in chunks of this many: one write per row would cost more than the rows.
const ROWS_PER_CHUNK = 500;

function cellText<Row>(column: ExportColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null || value === undefined) return '';
  if (column.kind === 'instant') return brusselsTimeText(String(value));
  return String(value);
}

/**
 * A table as CSV text, chunk by chunk as its rows come (RFC 4180, CRLF, UTF-8 with a BOM), every
 * cell through the one formula guard. Instants are Brussels time, as the spreadsheet shows them.
 */
export async function* csvChunks<Row>(table: TableExport<Row>): AsyncGenerator<string> {
  let chunk = `${BOM + table.columns.map((column) => csvCell(column.header)).join(',')}\r\n`;
  let count = 0;
  for await (const row of table.rows) {
    chunk += `${table.columns.map((column) => csvCell(cellText(column, row))).join(',')}\r\n`;
    if (++count % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
