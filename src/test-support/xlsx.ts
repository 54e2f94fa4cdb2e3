import ExcelJS from 'exceljs';

/** Reads a downloaded XLSX back with ExcelJS, as a spreadsheet program would open it. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS types its input as Node's older Buffer; any bytes do.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}
