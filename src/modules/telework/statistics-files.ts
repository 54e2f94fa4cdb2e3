import { parse } from 'csv-parse/sync';
import type { FieldError } from '../../platform/errors.js';
import {
  AGREEMENT_COLUMNS,
  EMPLOYEE_COLUMNS,
  STAT_REGIMES,
  STRUCTURAL_DAYS_PER_WEEK,
  type StatRegime,
  TeleworkStatLimits,
} from './contract.js';

// Reading the two import files (the formats of demo/telework/<organisation>/), without a database:
// every bad line is reported with its file and line number (the header is line 1), and a file with
// one bad line gives no rows at all, so nothing is half-imported.

export type ImportedEmployee = {
  employeeId: string;
  orgUnit: string;
  hiredOn: string;
  leftOn: string | null;
  occupationPct: number;
  isTeleworkable: boolean;
};
export type ImportedAgreement = {
  employeeId: string;
  regime: StatRegime;
  daysPerWeek: number | null;
  startDate: string;
  endDate: string | null;
};

/** Field errors kept for the answer; the bad lines are still all counted. */
export const MAX_REPORTED_ERRORS = 50;
const ID_MAX = 64;

type Parsed<Row> = { rows: Row[]; errors: FieldError[]; badLines: number };
type Cells = Record<string, string>;

/** `employees.csv`, line 12, column `hired_on`: the field of an import error. */
const lineError = (file: string, line: number, column: string, code: string, params = {}): FieldError => ({
  field: `${file}.line.${line}${column ? `.${column}` : ''}`,
  code,
  params: { ...params, file, line },
});

/** A real calendar day `YYYY-MM-DD` between 1900 and 2199. */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readRecords(
  file: string,
  text: string,
  columns: readonly string[],
): { records: { line: number; cells: Cells }[]; error?: FieldError } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      max_record_size: 4096,
      to: TeleworkStatLimits.rowsMax + 2,
    }) as unknown as typeof records;
  } catch (error) {
    const { lines } = error as { lines?: number };
    return { records: [], error: lineError(file, lines ?? 1, '', 'validation.invalid') };
  }
  const [first, ...rows] = records;
  const names = (first?.record ?? []).map((h) => h.toLowerCase());
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length > 0)
    return {
      records: [],
      error: lineError(file, 1, missing[0]!, 'telework.statistics.missing_column', {
        column: missing.join(', '),
        expected: columns.join(','),
      }),
    };
  if (rows.length > TeleworkStatLimits.rowsMax)
    return {
      records: [],
      error: lineError(file, 1, '', 'validation.maxItems', { limit: TeleworkStatLimits.rowsMax }),
    };
  const at = columns.map((column) => names.indexOf(column));
  return {
    records: rows.map(({ record, info }) => ({
      line: info.lines,
      cells: Object.fromEntries(columns.map((column, i) => [column, record[at[i]!] ?? ''])),
    })),
  };
}

function collect<Row>(
  file: string,
  text: string,
  columns: readonly string[],
  readRow: (
    cells: Cells,
    fail: (column: string, code: string, params?: object) => void,
    line: number,
  ) => Row | undefined,
): Parsed<Row> {
  const { records, error } = readRecords(file, text, columns);
  if (error) return { rows: [], errors: [error], badLines: 1 };
  const rows: Row[] = [];
  const errors: FieldError[] = [];
  let badLines = 0;
  for (const { line, cells } of records) {
    const lineErrors: FieldError[] = [];
    const row = readRow(
      cells,
      (column, code, params = {}) => lineErrors.push(lineError(file, line, column, code, params)),
      line,
    );
    if (lineErrors.length > 0 || !row) {
      badLines += 1;
      errors.push(...lineErrors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - errors.length)));
    } else rows.push(row);
  }
  return { rows, errors, badLines };
}

// Control characters (a NUL, which PostgreSQL refuses) have no place in an identifier or a unit's name.
const hasNoControl = (text: string) =>
  [...text].every((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f);

/** The employees file: one row per person, with the days they were employed. */
export function parseEmployees(file: string, text: string): Parsed<ImportedEmployee> {
  const seen = new Set<string>();
  return collect(file, text, EMPLOYEE_COLUMNS, (cells, fail) => {
    const employeeId = cells.employee_id!;
    if (!employeeId) fail('employee_id', 'validation.required');
    else if (employeeId.length > ID_MAX || !hasNoControl(employeeId))
      fail('employee_id', 'validation.maxLength', { limit: ID_MAX });
    else if (seen.has(employeeId))
      fail('employee_id', 'telework.statistics.duplicate_employee', { employeeId });
    seen.add(employeeId);
    const orgUnit = cells.org_unit!;
    if (!orgUnit) fail('org_unit', 'validation.required');
    else if (orgUnit.length > 200 || !hasNoControl(orgUnit))
      fail('org_unit', 'validation.maxLength', { limit: 200 });
    const hiredOn = cells.hired_on!;
    const leftOn = cells.left_on || null;
    if (!isCalendarDay(hiredOn)) fail('hired_on', 'telework.statistics.bad_date', { value: hiredOn });
    if (leftOn !== null && !isCalendarDay(leftOn))
      fail('left_on', 'telework.statistics.bad_date', { value: leftOn });
    else if (leftOn !== null && isCalendarDay(hiredOn) && leftOn < hiredOn)
      fail('left_on', 'telework.statistics.end_before_start', { start: hiredOn, end: leftOn });
    const occupation = cells.occupation_pct!;
    const occupationPct = Number(occupation);
    if (!/^\d{1,3}$/.test(occupation) || occupationPct < 1 || occupationPct > 100)
      fail('occupation_pct', 'telework.statistics.bad_occupation', { value: occupation });
    const teleworkable = cells.teleworkable!.toLowerCase();
    if (teleworkable !== 'yes' && teleworkable !== 'no')
      fail('teleworkable', 'telework.statistics.bad_yes_no', { value: cells.teleworkable });
    return { employeeId, orgUnit, hiredOn, leftOn, occupationPct, isTeleworkable: teleworkable === 'yes' };
  });
}

/**
 * The agreements file: each agreement of a known employee, structural ones with their days a week
 * (1 to 3 in half days), occasional ones without; one employee's agreements never start on the same day.
 */
export function parseAgreements(
  file: string,
  text: string,
  knownEmployees: ReadonlySet<string>,
): Parsed<ImportedAgreement> {
  const starts = new Map<string, number>();
  return collect(file, text, AGREEMENT_COLUMNS, (cells, fail, line) => {
    const employeeId = cells.employee_id!;
    if (!employeeId) fail('employee_id', 'validation.required');
    else if (!knownEmployees.has(employeeId))
      fail('employee_id', 'telework.statistics.unknown_employee', {
        employeeId: employeeId.slice(0, ID_MAX),
      });
    const regime = cells.regime!.toLowerCase() as StatRegime;
    const days = cells.days_per_week!;
    let daysPerWeek: number | null = null;
    if (!STAT_REGIMES.includes(regime))
      fail('regime', 'telework.statistics.bad_regime', {
        value: cells.regime,
        allowed: STAT_REGIMES.join(', '),
      });
    else if (regime === 'structural') {
      daysPerWeek = Number(days);
      if (!days || !(STRUCTURAL_DAYS_PER_WEEK as readonly number[]).includes(daysPerWeek))
        fail('days_per_week', 'telework.statistics.bad_days', {
          value: days,
          allowed: STRUCTURAL_DAYS_PER_WEEK.join(', '),
        });
    } else if (days) fail('days_per_week', 'telework.statistics.days_for_occasional', { value: days });
    const startDate = cells.start_date!;
    const endDate = cells.end_date || null;
    const isStartGood = isCalendarDay(startDate);
    if (!isStartGood) fail('start_date', 'telework.statistics.bad_date', { value: startDate });
    if (endDate !== null && !isCalendarDay(endDate))
      fail('end_date', 'telework.statistics.bad_date', { value: endDate });
    else if (endDate !== null && isStartGood && endDate < startDate)
      fail('end_date', 'telework.statistics.end_before_start', { start: startDate, end: endDate });
    else if (isStartGood && employeeId) {
      // Agreements may overlap (a new one replaces the old before its end: the report counts the
      // later one), but one employee's two agreements cannot start on the same day.
      const key = `${employeeId}\u0000${startDate}`;
      const other = starts.get(key);
      if (other) fail('start_date', 'telework.statistics.same_start', { employeeId, other });
      else starts.set(key, line);
    }
    return { employeeId, regime, daysPerWeek, startDate, endDate };
  });
}
