import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { TeleworkStatLimits } from './contract.js';
import {
  analyzeStatTables,
  type Db,
  deleteStatAgreements,
  deleteStatEmployees,
  findStatOrganisationByName,
  insertStatAgreements,
  insertStatEmployees,
  insertStatOrganisation,
  listStatAgreements,
  listStatEmployees,
  updateStatAgreement,
  updateStatEmployee,
  updateStatOrganisation,
} from './repository.js';
import { parseAgreements, parseEmployees } from './statistics-files.js';
import type { StatAgreementRow, StatEmployeeRow } from './tables.js';

export type ImportFile = { name: string; text: string };
export type RowChanges = { created: number; updated: number; unchanged: number; removed: number };
export type StatisticsImportReport = {
  organisation: { id: string; name: string; isNew: boolean };
  employees: RowChanges;
  agreements: RowChanges;
};

/** `SPF Sécurité sociale` → `spf-securite-sociale`: the organisation's key in URLs. */
export function organisationKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200)
    .replace(/-+$/, '');
}

/**
 * Loads an organisation's employees and agreements from the two CSV files, all or nothing: every
 * bad line of either file is reported (file and line) and then nothing is written. The files are
 * the whole truth: importing them again changes nothing, a changed row is updated, a row no longer
 * in the file is removed, so the report counts what the files say.
 */
export async function importStatistics(
  db: Db,
  actor: AuditActor,
  input: { organisation: string; employees: ImportFile; agreements: ImportFile },
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<StatisticsImportReport> {
  const name = input.organisation.trim();
  const id = organisationKey(name);
  if (!id || name.length > TeleworkStatLimits.organisationNameMax)
    throw new AppError('validation.failed', 400, {}, [{ field: 'organisation', code: 'validation.invalid' }]);
  const employees = parseEmployees(input.employees.name, input.employees.text);
  const known = new Set(employees.rows.map((e) => e.employeeId));
  // Agreements are checked even when the employees file is bad: one run lists every bad line.
  const agreements = parseAgreements(input.agreements.name, input.agreements.text, known);
  const errors = [...employees.errors, ...agreements.errors];
  if (errors.length > 0)
    throw new AppError(
      'telework.statistics.import_failed',
      400,
      { count: employees.badLines + agreements.badLines },
      errors.slice(0, 50),
    );

  const employeeRows: StatEmployeeRow[] = employees.rows.map((e) => ({
    organisation_id: id,
    employee_id: e.employeeId,
    org_unit: e.orgUnit,
    hired_on: e.hiredOn,
    left_on: e.leftOn,
    occupation_pct: e.occupationPct,
    is_teleworkable: e.isTeleworkable ? 1 : 0,
  }));
  const agreementRows: StatAgreementRow[] = agreements.rows.map((a) => ({
    organisation_id: id,
    employee_id: a.employeeId,
    start_date: a.startDate,
    end_date: a.endDate,
    regime: a.regime,
    days_per_week: a.daysPerWeek,
  }));

  return withTransaction(db, async (trx) => {
    const now = nowInstant();
    const existing = await findStatOrganisationByName(trx, name);
    if (existing && existing.id !== id)
      throw new AppError('validation.failed', 400, {}, [
        { field: 'organisation', code: 'validation.unique' },
      ]);
    if (!existing)
      await insertStatOrganisation(trx, {
        id,
        name,
        target_pct: null,
        imported_at: null,
        created_at: now,
        updated_at: now,
      });
    const total = employeeRows.length + agreementRows.length;
    let done = 0;
    const progress = (count: number) => {
      done += count;
      options.onProgress?.(done, total);
    };
    // Agreements that go or change first (their employee may go), then employees, then new agreements.
    const oldAgreements = await listStatAgreements(trx, id);
    const agreementDiff = diffRows(oldAgreements, agreementRows, agreementKey);
    await deleteStatAgreements(trx, id, agreementDiff.removed);
    const oldEmployees = await listStatEmployees(trx, id);
    const employeeDiff = diffRows(oldEmployees, employeeRows, (e) => e.employee_id);
    await deleteStatEmployees(
      trx,
      id,
      employeeDiff.removed.map((e) => e.employee_id),
    );
    for (const row of employeeDiff.changed) await updateStatEmployee(trx, row);
    await insertStatEmployees(trx, employeeDiff.created);
    progress(employeeRows.length);
    for (const row of agreementDiff.changed) await updateStatAgreement(trx, row);
    await insertStatAgreements(trx, agreementDiff.created);
    progress(agreementRows.length);
    const employeeChanges = changesOf(employeeDiff);
    const agreementChanges = changesOf(agreementDiff);
    const isChanged = !existing || employeeDiff.isChanged || agreementDiff.isChanged;
    if (isChanged) {
      await analyzeStatTables(trx);
      await updateStatOrganisation(trx, id, { imported_at: now, updated_at: now });
      await writeAudit(trx, actor, {
        action: 'telework.statistics_imported',
        objectType: 'telework_stat_organisation',
        objectId: id,
        summary: { employees: employeeChanges, agreements: agreementChanges },
      });
    }
    return {
      organisation: { id, name, isNew: !existing },
      employees: employeeChanges,
      agreements: agreementChanges,
    };
  });
}

const agreementKey = (a: StatAgreementRow) => `${a.employee_id}\u0000${a.start_date}`;

type Diff<Row> = { created: Row[]; changed: Row[]; removed: Row[]; unchanged: number; isChanged: boolean };

/** What a new set of rows does to the stored ones, row by row, by key. */
function diffRows<Row extends object>(
  stored: readonly Row[],
  incoming: readonly Row[],
  keyOf: (row: Row) => string,
): Diff<Row> {
  const byKey = new Map(stored.map((row) => [keyOf(row), row]));
  const created: Row[] = [];
  const changed: Row[] = [];
  let unchanged = 0;
  for (const row of incoming) {
    const key = keyOf(row);
    const old = byKey.get(key);
    byKey.delete(key);
    if (!old) created.push(row);
    else if (isSameRow(old, row)) unchanged += 1;
    else changed.push(row);
  }
  const removed = [...byKey.values()];
  return {
    created,
    changed,
    removed,
    unchanged,
    isChanged: created.length + changed.length + removed.length > 0,
  };
}

// Numbers compare as numbers: PostgreSQL and SQLite give back 1 for a stored 1.0.
const isSameRow = (a: object, b: object): boolean =>
  Object.entries(b).every(([key, value]) => {
    const old = (a as Record<string, unknown>)[key];
    return typeof value === 'number' ? Number(old) === value : (old ?? null) === (value ?? null);
  });

const changesOf = (diff: Diff<unknown>): RowChanges => ({
  created: diff.created.length,
  updated: diff.changed.length,
  unchanged: diff.unchanged,
  removed: diff.removed.length,
});
