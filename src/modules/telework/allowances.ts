import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { type FieldError, invalid, notFound } from '../../platform/errors.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { namesOfPeople, orgUnitCodesOf } from '../directory/index.js';
import { agreementsInForce } from './agreement-repository.js';
import {
  allowanceRateRowsBetween,
  findAllowanceRateRow,
  insertAllowanceRateRow,
  listAllowanceRateRows,
  updateAllowanceRateRow,
} from './allowance-repository.js';
import {
  type AgreementForRules,
  allowanceFor,
  euros,
  monthPeriod,
  overlappingRate,
  type RateForRules,
} from './allowance-rules.js';
import {
  ALLOWANCE_KINDS,
  type AllowanceKind,
  type AllowanceRate,
  type AllowanceRateInput,
  type Payroll,
  type PayrollLine,
  type Regime,
} from './contract.js';
import type { Db } from './repository.js';
import { listProfilesWithFunction } from './staffing-repository.js';
import type { AllowanceRateRow } from './tables.js';

// The allowances' use cases: HR keeps the rates; payroll reads, each month, who is entitled to
// what (allowance-rules.ts decides), as JSON or as a file with its total.

const toRate = (row: AllowanceRateRow): AllowanceRate => ({
  id: row.id,
  kind: row.kind as AllowanceKind,
  label: { fr: row.label_fr, nl: row.label_nl },
  monthlyCents: Number(row.monthly_cents),
  startDate: row.start_date,
  endDate: row.end_date,
  proration: row.proration as AllowanceRate['proration'],
  fullDays: row.full_days === null ? null : Number(row.full_days),
  createdAt: row.created_at,
});

const forRules = (rate: AllowanceRate): RateForRules => ({
  id: rate.id,
  kind: rate.kind,
  monthlyCents: rate.monthlyCents,
  startDate: rate.startDate,
  endDate: rate.endDate,
  proration: rate.proration,
  fullDays: rate.fullDays,
});

/** Every rate, by kind, the latest first. */
export const listAllowanceRates = async (db: Db): Promise<AllowanceRate[]> =>
  (await listAllowanceRateRows(db)).map(toRate);

async function getAllowanceRate(db: Db, id: string): Promise<AllowanceRate> {
  const row = await findAllowanceRateRow(db, id);
  if (!row) throw notFound('telework.allowance.rate_not_found', { rate: id });
  return toRate(row);
}

/** What is wrong with a rate as it would be stored, against the others: field errors, or none. */
async function rateProblems(
  db: Db,
  rate: Pick<AllowanceRate, 'kind' | 'startDate' | 'endDate' | 'proration' | 'fullDays'> & { id?: string },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (rate.endDate !== null && rate.endDate < rate.startDate)
    errors.push({
      field: 'endDate',
      code: 'telework.allowance.end_before_start',
      params: { start: rate.startDate, end: rate.endDate },
    });
  if (rate.proration === 'days' && rate.fullDays === null)
    errors.push({ field: 'fullDays', code: 'telework.allowance.full_days_required' });
  if (rate.proration !== 'days' && rate.fullDays !== null)
    errors.push({ field: 'fullDays', code: 'telework.allowance.full_days_unused' });
  if (errors.length > 0) return errors;
  const other = overlappingRate((await listAllowanceRates(db)).map(forRules), rate);
  if (other)
    errors.push({
      field: 'startDate',
      code: 'telework.allowance.overlapping_rate',
      params: { start: other.startDate, end: other.endDate ?? '…' },
    });
  return errors;
}

/** Creates a rate; refuses one that overlaps another of its kind (checked and written together). */
export async function createAllowanceRate(
  db: Db,
  actor: AuditActor,
  input: AllowanceRateInput,
): Promise<AllowanceRate> {
  const now = nowInstant();
  const row: AllowanceRateRow = {
    id: randomUUID(),
    kind: input.kind,
    label_fr: input.label.fr,
    label_nl: input.label.nl,
    monthly_cents: input.monthlyCents,
    start_date: input.startDate,
    end_date: input.endDate ?? null,
    proration: input.proration,
    full_days: input.fullDays ?? null,
    created_at: now,
    created_by: actor.id,
    updated_at: now,
  };
  const rate = toRate(row);
  await withTransaction(
    db,
    async (trx) => {
      const errors = await rateProblems(trx, rate);
      if (errors.length > 0) throw invalid(errors);
      await insertAllowanceRateRow(trx, row);
      await writeAudit(trx, actor, {
        action: 'telework.allowance_rate_created',
        objectType: 'telework_allowance_rate',
        objectId: row.id,
        summary: { kind: rate.kind, monthlyCents: rate.monthlyCents, from: rate.startDate, to: rate.endDate },
      });
    },
    { isolation: 'serializable' },
  );
  return rate;
}

/** Changes a rate as a whole (a typing slip in an amount, a period moved). */
export async function updateAllowanceRate(
  db: Db,
  actor: AuditActor,
  id: string,
  input: AllowanceRateInput,
): Promise<AllowanceRate> {
  return withTransaction(
    db,
    async (trx) => {
      const before = await getAllowanceRate(trx, id);
      const after: AllowanceRate = {
        ...before,
        ...input,
        endDate: input.endDate ?? null,
        fullDays: input.fullDays ?? null,
      };
      const errors = await rateProblems(trx, after);
      if (errors.length > 0) throw invalid(errors);
      await updateAllowanceRateRow(trx, id, {
        kind: after.kind,
        label_fr: after.label.fr,
        label_nl: after.label.nl,
        monthly_cents: after.monthlyCents,
        start_date: after.startDate,
        end_date: after.endDate,
        proration: after.proration,
        full_days: after.fullDays,
        updated_at: nowInstant(),
      });
      await writeAudit(trx, actor, {
        action: 'telework.allowance_rate_updated',
        objectType: 'telework_allowance_rate',
        objectId: id,
        summary: {
          kind: after.kind,
          before: { monthlyCents: before.monthlyCents, from: before.startDate, to: before.endDate },
          after: { monthlyCents: after.monthlyCents, from: after.startDate, to: after.endDate },
        },
      });
      return after;
    },
    { isolation: 'serializable' },
  );
}

/** Ends a rate on its last day (a new rate of the kind may then start the day after). */
export async function endAllowanceRate(
  db: Db,
  actor: AuditActor,
  id: string,
  endDate: string,
): Promise<AllowanceRate> {
  return withTransaction(
    db,
    async (trx) => {
      const rate = { ...(await getAllowanceRate(trx, id)), endDate };
      const errors = await rateProblems(trx, rate);
      if (errors.length > 0) throw invalid(errors);
      await updateAllowanceRateRow(trx, id, { end_date: endDate, updated_at: nowInstant() });
      await writeAudit(trx, actor, {
        action: 'telework.allowance_rate_ended',
        objectType: 'telework_allowance_rate',
        objectId: id,
        summary: { kind: rate.kind, to: endDate },
      });
      return rate;
    },
    { isolation: 'serializable' },
  );
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * Who is entitled to which allowance for a month, sorted by name, with the total. A list of people
 * with their occupation and agreement: its reading is audited.
 */
export async function monthlyPayroll(
  db: Db,
  actor: AuditActor,
  month: string,
  format: 'json' | 'csv' | 'xlsx' = 'json',
): Promise<{ payroll: Payroll; rates: AllowanceRate[] }> {
  const period = monthPeriod(month);
  const [rateRows, agreementRows] = await Promise.all([
    allowanceRateRowsBetween(db, period.first, period.last),
    agreementsInForce(db, period.first, period.last),
  ]);
  const rates = rateRows.map(toRate);
  const byPerson = new Map<string, AgreementForRules[]>();
  for (const row of agreementRows) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push({
      status: row.status,
      regime: row.regime as Regime,
      daysPerWeek: row.days_per_week === null ? null : Number(row.days_per_week),
      monthlyDays: row.monthly_days === null ? null : Number(row.monthly_days),
      startDate: row.start_date,
      endDate: row.end_date,
    });
    byPerson.set(row.person_id, list);
  }
  const ids = [...byPerson.keys()];
  const directory = db as unknown as Kysely<any>;
  const [profiles, names, units] = await Promise.all([
    listProfilesWithFunction(db, ids),
    namesOfPeople(directory, ids),
    orgUnitCodesOf(directory, ids),
  ]);
  const occupationOf = new Map(profiles.map((p) => [p.personId, p.occupationPct]));
  const rulesRates = rates.map(forRules);
  const lines: PayrollLine[] = [];
  for (const [personId, agreements] of byPerson) {
    // Without a staff profile HR has not recorded a part-time occupation: full time.
    const occupationPct = Number(occupationOf.get(personId) ?? 100);
    const paid = allowanceFor(month, { occupationPct, agreements }, rulesRates);
    if (!paid) continue;
    lines.push({
      personId,
      name: names.get(personId) ?? personId,
      orgUnit: units.get(personId) ?? null,
      occupationPct,
      regime: paid.regime,
      monthlyDays: paid.monthlyDays,
      coveredDays: paid.coveredDays,
      amounts: paid.amounts.map((a) => {
        const rate = rates.find((r) => r.id === a.rateId)!;
        return { rateId: a.rateId, kind: rate.kind, label: rate.label, amountCents: a.amountCents };
      }),
      amountCents: paid.amountCents,
    });
  }
  lines.sort((a, b) => byName.compare(a.name, b.name) || a.personId.localeCompare(b.personId));
  const payroll: Payroll = {
    month,
    daysInMonth: period.days,
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
  };
  await writeAudit(db, actor, {
    action: 'telework.allowance_payroll_read',
    objectType: 'telework_allowance_payroll',
    objectId: month,
    summary: { people: lines.length, format },
  });
  return { payroll, rates };
}

type FileLine = PayrollLine & { isTotal?: boolean };

/** The payroll list as a file: one line a person, then the total (per kind and overall). */
export function payrollExport(payroll: Payroll, language: Language): TableExport<FileLine> {
  const t = (key: string) => translate(language, `telework.allowance.${key}`);
  const ofKind = (line: FileLine, kind: AllowanceKind) =>
    line.amounts.filter((a) => a.kind === kind).reduce((sum, a) => sum + a.amountCents, 0);
  const total: FileLine = {
    personId: '',
    name: t('total'),
    orgUnit: null,
    occupationPct: 0,
    regime: 'structural',
    monthlyDays: 0,
    coveredDays: 0,
    amounts: payroll.lines.flatMap((line) => line.amounts),
    amountCents: payroll.totalCents,
    isTotal: true,
  };
  const person =
    <T>(value: (line: FileLine) => T) =>
    (line: FileLine) =>
      line.isTotal ? null : (value(line) as string | number | null);
  return {
    name: `relais-telework-allowances-${payroll.month}`,
    sheet: t('sheet'),
    columns: [
      { header: t('column_name'), width: 32, value: (l) => l.name },
      { header: t('column_person'), width: 38, value: person((l) => l.personId) },
      { header: t('column_org_unit'), width: 20, value: person((l) => l.orgUnit) },
      { header: t('column_occupation'), kind: 'number', width: 12, value: person((l) => l.occupationPct) },
      {
        header: t('column_regime'),
        width: 14,
        value: person((l) => translate(language, `telework.allowance.regime_${l.regime}`)),
      },
      { header: t('column_days'), kind: 'number', width: 14, value: person((l) => l.monthlyDays) },
      { header: t('column_covered'), kind: 'number', width: 14, value: person((l) => l.coveredDays) },
      ...ALLOWANCE_KINDS.map((kind) => ({
        header: t(`column_kind_${kind}`),
        kind: 'number' as const,
        width: 16,
        value: (l: FileLine) => euros(ofKind(l, kind)),
      })),
      { header: t('column_amount'), kind: 'number', width: 14, value: (l) => euros(l.amountCents) },
      // Exact, for a payroll system that takes cents.
      { header: t('column_cents'), kind: 'number', width: 14, value: (l) => l.amountCents },
    ],
    rows: [...payroll.lines, total],
  };
}
