import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { AuditActor } from '../../platform/audit/audit.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { checkValue } from '../../platform/http/validation.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { isFormulaLike } from '../../shared/spreadsheet-cell.js';
import { IMPORT_COLUMNS, PersonInput } from './contract.js';
import { insertPerson } from './people.js';
import type { Db } from './repository.js';

/** The columns of the import file, in this order, as the first row. */
export const IMPORT_MAX_ROWS = 5000;
/** Characters of one record: seven short cells fit many times over; a runaway quote does not. */
export const IMPORT_MAX_RECORD_CHARS = 4096;
/** Field errors kept for the answer; the bad lines are still all counted. */
export const IMPORT_MAX_REPORTED_ERRORS = 50;

export type ImportOptions = {
  defaultLanguage: Language;
  /** Give each imported person a random password and return it (volunteers must log in on day one). */
  generatePasswords?: boolean;
  onProgress?: (done: number, total: number) => void;
};

export type ImportResult = { imported: number; passwords: { username: string; password: string }[] };

/** A bad row: its line in the file (the header is line 1) and the field. */
const rowError = (line: number, error: FieldError): FieldError => ({
  ...error,
  field: `line.${line}${error.field ? `.${error.field}` : ''}`,
  params: { ...error.params, line },
});

function parseRows(csv: string): { line: number; input: Record<string, unknown> }[] {
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      max_record_size: IMPORT_MAX_RECORD_CHARS,
      // One record past the limit is enough to refuse the file; the rest is never read.
      to: IMPORT_MAX_ROWS + 2,
    });
  } catch (error) {
    const { lines, code } = error as { lines?: number; code?: string };
    const fieldError =
      code === 'CSV_MAX_RECORD_SIZE'
        ? { field: '', code: 'validation.maxLength', params: { limit: IMPORT_MAX_RECORD_CHARS } }
        : { field: '', code: 'validation.invalid' };
    throw new AppError('directory.import_failed', 400, { count: 1 }, [rowError(lines ?? 1, fieldError)]);
  }
  const [header, ...rows] = records;
  const expected = IMPORT_COLUMNS.join(',');
  if (!header || header.map((h) => h.toLowerCase()).join(',') !== expected) {
    throw new AppError('directory.import_failed', 400, { count: 1, expected }, [
      rowError(1, { field: 'header', code: 'validation.pattern', params: { expected } }),
    ]);
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError('directory.import_failed', 400, { count: 1 }, [
      { field: 'file', code: 'validation.maxItems', params: { limit: IMPORT_MAX_ROWS } },
    ]);
  }
  return rows.map((cells, index) => {
    const value = (column: (typeof IMPORT_COLUMNS)[number]) => cells[IMPORT_COLUMNS.indexOf(column)] ?? '';
    const input: Record<string, unknown> = {
      username: value('username').toLowerCase(),
      name: value('name'),
      email: value('email'),
      roles: value('roles').split(/\s+/).filter(Boolean),
      partner: value('partner') || null,
      orgUnit: value('org_unit') || null,
    };
    if (value('language')) input.language = value('language');
    return { line: index + 2, input };
  });
}

/**
 * Imports people from CSV all or nothing: every row is checked first and every bad row is
 * reported with its line number; only a clean file is written, in one transaction.
 */
export async function importPeople(
  db: Db,
  actor: AuditActor,
  csv: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const rows = parseRows(csv);
  const errors: FieldError[] = [];
  const badLines = new Set<number>();
  const seen = new Map<string, number>();
  for (const { line, input } of rows) {
    const lineErrors = checkValue(PersonInput, input).map((e) => rowError(line, e));
    const username = String(input.username);
    const firstLine = seen.get(username);
    if (firstLine)
      lineErrors.push(
        rowError(line, { field: 'username', code: 'directory.username_taken', params: { username } }),
      );
    else seen.set(username, line);
    if (lineErrors.length === 0) continue;
    badLines.add(line);
    // Every bad line is counted, but a file of 5,000 bad rows keeps only what an answer can show.
    errors.push(...lineErrors.slice(0, IMPORT_MAX_REPORTED_ERRORS - errors.length));
  }
  if (errors.length > 0) throw new AppError('directory.import_failed', 400, { count: badLines.size }, errors);

  return withTransaction(db, async (trx) => {
    const passwords: ImportResult['passwords'] = [];
    const dbErrors: FieldError[] = [];
    for (const [index, { line, input }] of rows.entries()) {
      const password = options.generatePasswords ? generatedPassword() : undefined;
      try {
        await insertPerson(
          trx,
          actor,
          { ...(input as PersonInput), ...(password && { password }) },
          options.defaultLanguage,
        );
        if (password) passwords.push({ username: String(input.username), password });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        dbErrors.push(
          ...(error.fieldErrors.length ? error.fieldErrors : [{ field: '', code: error.code }]).map((e) =>
            rowError(line, e),
          ),
        );
      }
      options.onProgress?.(index + 1, rows.length);
    }
    if (dbErrors.length > 0)
      throw new AppError('directory.import_failed', 400, { count: countLines(dbErrors) }, dbErrors);
    await writeAudit(trx, actor, {
      action: 'directory.people_imported',
      objectType: 'person',
      summary: { count: rows.length },
    });
    return { imported: rows.length, passwords };
  });
}

/**
 * A random password for a volunteer, handed over in a CSV file. Base64url may start with `-`,
 * which the spreadsheet guard would prefix with a quote (and the volunteer would type it): drawn
 * again until it does not.
 */
export function generatedPassword(): string {
  for (;;) {
    const password = randomBytes(9).toString('base64url');
    if (!isFormulaLike(password)) return password;
  }
}

const countLines = (errors: FieldError[]) => new Set(errors.map((e) => e.params?.line)).size;
