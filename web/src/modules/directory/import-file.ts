import { IMPORT_COLUMNS } from '../../../../src/modules/directory/contract.js';
import { toCsv } from '../../../../src/shared/spreadsheet-cell.js';
import type { FieldProblem } from '../../app/api.js';

export { IMPORT_COLUMNS };

export const IMPORT_EXAMPLE = [
  IMPORT_COLUMNS.join(','),
  'vol.dupont,Luc Dupont,luc.dupont@example.org,fr,agent employee,call-center,',
  'vol.peeters,Sofie Peeters,sofie.peeters@example.org,nl,agent employee,call-center,',
  'partner.jansen,Jan Jansen,jan.jansen@acerta.example,nl,partner,,acerta',
].join('\n');

/** The server names fields as the API does; the person importing thinks in file columns. */
const COLUMN_OF_FIELD: Record<string, string> = { orgUnit: 'org_unit' };

export type ImportProblem = { line: number | null; column: string; message: string };

/**
 * Reads `line.<n>.<field>` field errors into rows of a "what is wrong where" table, sorted by line.
 * Errors about the whole file (`file`) have no line.
 */
export function importProblems(
  errors: readonly FieldProblem[],
  message: (e: FieldProblem) => string,
): ImportProblem[] {
  return errors
    .map((error) => {
      const match = /^line\.(\d+)(?:\.([^.]+))?/.exec(error.field);
      if (!match) return { line: null, column: error.field, message: message(error) };
      const field = match[2] ?? '';
      return { line: Number(match[1]), column: COLUMN_OF_FIELD[field] ?? field, message: message(error) };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The generated passwords as a CSV file to hand over (they are shown only once). */
export function passwordsCsv(rows: readonly { username: string; password: string }[]): string {
  return toCsv([['username', 'password'], ...rows.map((r) => [r.username, r.password])]);
}

/** Offers text as a file download, without a server round trip. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
