import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ExportFormat } from './contract.js';
import { csvChunks } from './csv.js';
import type { TableExport } from './table.js';
import { xlsxStream } from './xlsx.js';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Answers with the table as a file to download, streamed as its rows are read. */
export function sendTable<Row>(reply: FastifyReply, format: ExportFormat, table: TableExport<Row>) {
  const filename = `${table.name.replace(/[^\w.-]+/g, '-')}.${format}`;
  const body = format === 'csv' ? Readable.from(csvChunks(table)) : xlsxStream(table);
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
