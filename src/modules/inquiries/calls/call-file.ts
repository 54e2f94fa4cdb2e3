import type { FieldError } from '../../../platform/errors.js';
import { CALL_COLUMNS, type CallRow, checkCall, type RawCall } from './call-row.js';

// Reading a call file (the telephony's CSV export), without a database. Line 1 is exactly the
// header `call_id,line,caller_language,received_at,answered_at,ended_at,outcome`; every bad line is
// reported with its number and column (`line.7.received_at`), a call id twice in one file names
// both lines, and a file with one bad line gives no rows at all: nothing is half-imported.
// A file holds one call per line and no line breaks inside a value, so lines are split by hand:
// a general CSV parser took 1.3 s over the 43,385 calls of 2020, this takes a few milliseconds.

/** Field errors kept for the answer; the bad lines are still all counted. */
export const MAX_REPORTED_ERRORS = 50;

export type ParsedCallFile = { rows: CallRow[]; errors: FieldError[]; badLines: number };

const lineError = (line: number, column: string, code: string, params = {}): FieldError => ({
  field: `line.${line}${column ? `.${column}` : ''}`,
  code,
  params: { ...params, line },
});

/** The cells of one CSV line; a quoted cell may hold commas and doubled quotes. */
export function splitCsvLine(text: string): string[] {
  if (!text.includes('"')) return text.split(',');
  const cells: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (isQuoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') isQuoted = false;
      else cell += c;
    } else if (c === '"') isQuoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Every call of a file, or every problem of it (the first MAX_REPORTED_ERRORS), never both. */
export function parseCallFile(text: string): ParsedCallFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((cell) => cell.trim().toLowerCase());
  const expected = CALL_COLUMNS.join(',');
  const wrongAt = CALL_COLUMNS.findIndex((column, i) => header[i] !== column);
  if (wrongAt !== -1 || header.length !== CALL_COLUMNS.length) {
    const position = wrongAt === -1 ? CALL_COLUMNS.length : wrongAt;
    const found = header[position] ?? '';
    return {
      rows: [],
      errors: [
        lineError(1, found || (CALL_COLUMNS[position] ?? ''), 'inquiries.calls.header', {
          expected,
          position: position + 1,
          found: found.slice(0, 40),
        }),
      ],
      badLines: 1,
    };
  }
  const rows: CallRow[] = [];
  const errors: FieldError[] = [];
  const firstLineOf = new Map<string, number>();
  let badLines = 0;
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index]!;
    if (text.trim() === '') continue;
    const line = index + 1;
    const report = (column: string, code: string, params = {}) => {
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(lineError(line, column, code, params));
    };
    const cells = splitCsvLine(text);
    if (cells.length !== CALL_COLUMNS.length) {
      badLines++;
      report('', 'inquiries.calls.cell_count', { count: cells.length, expected: CALL_COLUMNS.length });
      continue;
    }
    const raw = Object.fromEntries(CALL_COLUMNS.map((column, i) => [column, cells[i]!])) as RawCall;
    const checked = checkCall(raw);
    const callId = raw.call_id.trim();
    const first = firstLineOf.get(callId);
    if (first === undefined) firstLineOf.set(callId, line);
    if (checked.problems.length > 0 || first !== undefined) badLines++;
    for (const problem of checked.problems) report(problem.column, problem.code, problem.params);
    if (first !== undefined)
      report('call_id', 'inquiries.calls.duplicate_call_id', { call_id: callId, first });
    else if (checked.row && errors.length === 0) rows.push(checked.row);
  }
  if (badLines > 0) return { rows: [], errors, badLines };
  if (rows.length === 0)
    return { rows: [], errors: [lineError(2, '', 'inquiries.calls.empty')], badLines: 1 };
  return { rows, errors: [], badLines: 0 };
}
