import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { type FieldError, invalid, notFound } from '../../platform/errors.js';
import { knownOrgUnitCodes, namesOfPeople } from '../directory/index.js';
import type { CrisisKind, CrisisMeasure, CrisisMeasureInput, CrisisMeasureView } from './contract.js';
import {
  crisisMeasureRowsBetween,
  findCrisisMeasureRow,
  insertCrisisMeasureRow,
  listCrisisMeasureRows,
  updateCrisisMeasureRow,
} from './crisis-repository.js';
import type { Measure } from './crisis-rules.js';
import type { Db } from './repository.js';
import type { CrisisMeasureRow } from './tables.js';

// Crisis measures' administration: HR declares a period when telework is mandatory or the caps are
// relaxed, for the whole institution or some units, with people excepted; every screen reads them,
// and the rest of the module applies them through crisisMeasuresBetween (crisis-rules.ts' Measure).

const toMeasure = (row: CrisisMeasureRow): CrisisMeasure => ({
  id: row.id,
  kind: row.kind as CrisisKind,
  title: { fr: row.title_fr, nl: row.title_nl },
  startDate: row.start_date,
  endDate: row.end_date,
  orgUnits: JSON.parse(row.org_units) as string[],
  exceptions: JSON.parse(row.exceptions) as string[],
  weeklyCapDays: row.weekly_cap_days === null ? null : Number(row.weekly_cap_days),
  createdAt: row.created_at,
});

const directory = (db: Db) => db as unknown as Kysely<any>;

async function withNames(db: Db, measures: CrisisMeasure[]): Promise<CrisisMeasureView[]> {
  const names = await namesOfPeople(
    directory(db),
    measures.flatMap((m) => m.exceptions),
  );
  return measures.map((m) => ({
    ...m,
    exceptionPeople: m.exceptions.map((id) => ({ id, name: names.get(id) ?? id })),
  }));
}

/** Every measure, the latest first, the excepted people by name. */
export async function listCrisisMeasures(db: Db): Promise<CrisisMeasureView[]> {
  return withNames(db, (await listCrisisMeasureRows(db)).map(toMeasure));
}

/** A measure as the crisis rules take it, with its title for the warnings that name it. */
export type TitledMeasure = Measure & { title: { fr: string; nl: string } };

/**
 * The measures in force on at least one day from `from` to `to`, as the crisis rules take them:
 * what the presence plan, the caps and the reports apply.
 */
export async function crisisMeasuresBetween(db: Db, from: string, to: string): Promise<TitledMeasure[]> {
  return (await crisisMeasureRowsBetween(db, from, to)).map(toMeasure).map((m) => ({
    id: m.id,
    kind: m.kind,
    startDate: m.startDate,
    endDate: m.endDate,
    orgUnits: m.orgUnits,
    exceptions: m.exceptions,
    weeklyCapDays: m.weeklyCapDays,
    title: m.title,
  }));
}

/** The title and period of each measure in force from `from` to `to`, oldest first (the reports). */
export async function crisisPeriodsBetween(db: Db, from: string, to: string) {
  return (await crisisMeasureRowsBetween(db, from, to)).map((row) => ({
    kind: row.kind,
    title: { fr: row.title_fr, nl: row.title_nl },
    startDate: row.start_date,
    endDate: row.end_date,
  }));
}

type Stored = Omit<CrisisMeasure, 'id' | 'createdAt'>;

const stored = (input: CrisisMeasureInput): Stored => ({
  kind: input.kind,
  title: input.title,
  startDate: input.startDate,
  endDate: input.endDate ?? null,
  orgUnits: [...new Set(input.orgUnits ?? [])],
  exceptions: [...new Set(input.exceptions ?? [])],
  weeklyCapDays: input.weeklyCapDays ?? null,
});

/** What is wrong with a measure: its period, its cap for its kind, units and people that do not exist. */
async function measureProblems(db: Db, measure: Stored): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (measure.endDate !== null && measure.endDate < measure.startDate)
    errors.push({
      field: 'endDate',
      code: 'telework.crisis.end_before_start',
      params: { start: measure.startDate, end: measure.endDate },
    });
  if (measure.kind === 'relaxed' && measure.weeklyCapDays === null)
    errors.push({ field: 'weeklyCapDays', code: 'telework.crisis.weekly_cap_required' });
  if (measure.kind === 'mandatory' && measure.weeklyCapDays !== null)
    errors.push({ field: 'weeklyCapDays', code: 'telework.crisis.weekly_cap_for_mandatory' });
  const [units, people] = await Promise.all([
    knownOrgUnitCodes(directory(db), measure.orgUnits),
    namesOfPeople(directory(db), measure.exceptions),
  ]);
  measure.orgUnits.forEach((code, index) => {
    if (!units.has(code))
      errors.push({ field: `orgUnits.${index}`, code: 'telework.crisis.unknown_org_unit', params: { code } });
  });
  measure.exceptions.forEach((id, index) => {
    if (!people.has(id))
      errors.push({ field: `exceptions.${index}`, code: 'telework.crisis.unknown_person', params: { id } });
  });
  return errors;
}

const auditSummary = (m: Stored) => ({
  kind: m.kind,
  from: m.startDate,
  to: m.endDate,
  orgUnit: m.orgUnits,
  people: m.exceptions.length,
});

async function getMeasureView(db: Db, id: string): Promise<CrisisMeasureView> {
  const row = await findCrisisMeasureRow(db, id);
  if (!row) throw notFound('telework.crisis.measure_not_found', { measure: id });
  const [view] = await withNames(db, [toMeasure(row)]);
  return view!;
}

export async function createCrisisMeasure(
  db: Db,
  actor: AuditActor,
  input: CrisisMeasureInput,
): Promise<CrisisMeasureView> {
  const measure = stored(input);
  const id = randomUUID();
  await withTransaction(db, async (trx) => {
    const errors = await measureProblems(trx, measure);
    if (errors.length > 0) throw invalid(errors);
    const now = nowInstant();
    await insertCrisisMeasureRow(trx, {
      id,
      kind: measure.kind,
      title_fr: measure.title.fr,
      title_nl: measure.title.nl,
      start_date: measure.startDate,
      end_date: measure.endDate,
      org_units: JSON.stringify(measure.orgUnits),
      exceptions: JSON.stringify(measure.exceptions),
      weekly_cap_days: measure.weeklyCapDays,
      created_at: now,
      created_by: actor.id,
      updated_at: now,
    });
    await writeAudit(trx, actor, {
      action: 'telework.crisis_measure_created',
      objectType: 'telework_crisis_measure',
      objectId: id,
      summary: auditSummary(measure),
    });
  });
  return getMeasureView(db, id);
}

/** Changes a measure as a whole; the agreements are not touched (the rules read the measures). */
export async function updateCrisisMeasure(
  db: Db,
  actor: AuditActor,
  id: string,
  input: CrisisMeasureInput,
): Promise<CrisisMeasureView> {
  const measure = stored(input);
  await withTransaction(db, async (trx) => {
    if (!(await findCrisisMeasureRow(trx, id)))
      throw notFound('telework.crisis.measure_not_found', { measure: id });
    const errors = await measureProblems(trx, measure);
    if (errors.length > 0) throw invalid(errors);
    await updateCrisisMeasureRow(trx, id, {
      kind: measure.kind,
      title_fr: measure.title.fr,
      title_nl: measure.title.nl,
      start_date: measure.startDate,
      end_date: measure.endDate,
      org_units: JSON.stringify(measure.orgUnits),
      exceptions: JSON.stringify(measure.exceptions),
      weekly_cap_days: measure.weeklyCapDays,
      updated_at: nowInstant(),
    });
    await writeAudit(trx, actor, {
      action: 'telework.crisis_measure_updated',
      objectType: 'telework_crisis_measure',
      objectId: id,
      summary: auditSummary(measure),
    });
  });
  return getMeasureView(db, id);
}

/** Ends a measure on its last day (the day telework stops being mandatory, for instance). */
export async function endCrisisMeasure(
  db: Db,
  actor: AuditActor,
  id: string,
  endDate: string,
): Promise<CrisisMeasureView> {
  await withTransaction(db, async (trx) => {
    const row = await findCrisisMeasureRow(trx, id);
    if (!row) throw notFound('telework.crisis.measure_not_found', { measure: id });
    if (endDate < row.start_date)
      throw invalid([
        {
          field: 'endDate',
          code: 'telework.crisis.end_before_start',
          params: { start: row.start_date, end: endDate },
        },
      ]);
    await updateCrisisMeasureRow(trx, id, { end_date: endDate, updated_at: nowInstant() });
    await writeAudit(trx, actor, {
      action: 'telework.crisis_measure_ended',
      objectType: 'telework_crisis_measure',
      objectId: id,
      summary: { kind: row.kind, to: endDate },
    });
  });
  return getMeasureView(db, id);
}
