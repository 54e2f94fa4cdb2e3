import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { spreadsheetCell } from '../../shared/spreadsheet-cell.js';
import { brusselsWallClock, type ExportColumn, type TableExport } from './table.js';

const FORMATS: Record<string, string> = { day: 'yyyy-mm-dd', instant: 'yyyy-mm-dd hh:mm' };

function cellValue<Row>(column: ExportColumn<Row>, row: Row): string | number | Date | null {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  switch (column.kind) {
    case 'number':
      return Number(value);
    case 'day':
      return new Date(`${value}T00:00:00Z`);
    case 'instant':
      return brusselsWallClock(String(value));
    default:
      // A text cell cannot run as a formula in XLSX, but a user may copy it into a cell that can.
      return spreadsheetCell(String(value));
  }
}

/**
 * A table as an XLSX workbook, written row by row as they come (ExcelJS's streaming writer, so a
 * hundred thousand inquiries never sit in memory): a bold header row, frozen and filtered, numbers as
 * numbers, days and instants as dates in Brussels time.
 */
export function xlsxStream<Row>(table: TableExport<Row>): Readable {
  const output = new PassThrough();
  writeWorkbook(table, output).catch((error: unknown) => output.destroy(error as Error));
  return output;
}

// ExcelJS takes about 160 ms to load: a server starts without it, and the first download loads it.
let excel: Promise<typeof ExcelJS> | undefined;

async function writeWorkbook<Row>(table: TableExport<Row>, output: PassThrough): Promise<void> {
  excel ??= import('exceljs').then((module) => module.default);
  const { stream } = await excel;
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column, index) => ({
    key: String(index),
    header: column.header,
    width: column.width ?? Math.max(10, Math.min(60, column.header.length + 2)),
    ...(column.kind && FORMATS[column.kind] && { style: { numFmt: FORMATS[column.kind] } }),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  for await (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => cellValue(column, row))).commit();
  }
  sheet.commit();
  await workbook.commit();
}
