// The one guard of every CSV or spreadsheet Relais writes (the web app's exports, the password
// files of an import, the CLI's output). What people typed (a caller's question, a name) must
// never run as a formula when an agent opens the file in Excel or LibreOffice: OWASP's CSV
// injection advice is to prefix such a cell with a single quote. Pure, imported by both sides.

// ASCII and full-width (Excel reads ＝SUM(…) as =SUM(…)).
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);
// What a spreadsheet skips before the first character: spaces, tabs, line breaks, no-break and
// ideographic spaces (all in \s), and the zero-width ones.
const LEADING_BLANKS = /^[\s\u200B-\u200D\u2060]+/;

/** Whether a spreadsheet could read the text as a formula: its first non-blank character starts one, or it opens with a tab or a carriage return. */
export function isFormulaLike(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const first = text.replace(LEADING_BLANKS, '').charAt(0);
  return FORMULA_STARTS.has(first);
}

/** The text as a spreadsheet must receive it: a quote first when it could be a formula. */
export const spreadsheetCell = (text: string): string => (isFormulaLike(text) ? `'${text}` : text);

/** One CSV field: defused, then quoted when it holds a quote, a comma or a line break (RFC 4180). */
export function csvCell(text: string): string {
  const safe = spreadsheetCell(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV, every cell through csvCell; CRLF line ends as RFC 4180 and Excel expect, unless told. */
export function toCsv(rows: readonly (readonly string[])[], lineEnd = '\r\n'): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join(lineEnd)}${lineEnd}`;
}
