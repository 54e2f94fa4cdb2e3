import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import {
  STRUCTURAL_DAYS_PER_WEEK,
  type StatisticsReport,
  type StatisticsRow,
  type StatOrganisation,
  type StatRegime,
  TeleworkStatLimits,
} from './contract.js';
import { crisisPeriodsBetween } from './crisis-measures.js';
import {
  countStatRows,
  type Db,
  findStatOrganisation,
  findStatOrganisationByName,
  listStatAgreementSpans,
  listStatEmploymentSpans,
  listStatOrganisations,
  updateStatOrganisation,
} from './repository.js';
import { organisationKey } from './statistics-import.js';
import {
  DEFAULT_SNAPSHOT_DAY,
  isRealMonthDay,
  type StatAgreement,
  type StatEmployee,
  yearlyStatistics,
} from './statistics-rules.js';
import type { StatOrganisationRow } from './tables.js';

export type ReportRange = { from: number; to: number; at?: string | undefined };

/** The organisations with imported statistics, with what they hold. */
export async function listOrganisationsWithStatistics(db: Db): Promise<StatOrganisation[]> {
  const [organisations, counts] = await Promise.all([listStatOrganisations(db), countStatRows(db)]);
  return organisations.map((row) => {
    const count = counts.find((c) => c.organisationId === row.id);
    return {
      id: row.id,
      name: row.name,
      targetPct: row.target_pct === null ? null : Number(row.target_pct),
      employees: count?.employees ?? 0,
      agreements: count?.agreements ?? 0,
      firstYear: count?.firstDay ? Number(count.firstDay.slice(0, 4)) : null,
      lastYear: count?.lastDay ? Number(count.lastDay.slice(0, 4)) : null,
      importedAt: row.imported_at,
    };
  });
}

/** An organisation by its key or (the CLI's `--org`) its name; throws telework.statistics.organisation_not_found. */
export async function getStatOrganisation(db: Db, keyOrName: string): Promise<StatOrganisationRow> {
  const row =
    (await findStatOrganisation(db, keyOrName)) ?? (await findStatOrganisationByName(db, keyOrName));
  if (!row) throw notFound('telework.statistics.organisation_not_found', { organisation: keyOrName });
  return row;
}

function checkRange({ from, to, at }: ReportRange): void {
  if (to < from)
    throw invalid([{ field: 'to', code: 'telework.statistics.to_before_from', params: { from, to } }]);
  if (to - from + 1 > TeleworkStatLimits.yearsMax)
    throw invalid([
      {
        field: 'to',
        code: 'telework.statistics.too_many_years',
        params: { limit: TeleworkStatLimits.yearsMax },
      },
    ]);
  if (at !== undefined && !isRealMonthDay(at))
    throw invalid([{ field: 'at', code: 'telework.statistics.bad_snapshot_day', params: { value: at } }]);
}

/**
 * The yearly report of an organisation, one row a year, each a snapshot on `at` (31 December by
 * default). Its people and agreements are read once (the columns the count needs) and every year is
 * counted in memory by statistics-rules.ts, the one definition of the figures: for 100,000 people and
 * ten years, faster than one SQL count a year (issue 14, bench/telework-report.ts).
 */
export async function statisticsReport(
  db: Db,
  keyOrName: string,
  range: ReportRange,
): Promise<StatisticsReport> {
  checkRange(range);
  const organisation = await getStatOrganisation(db, keyOrName);
  const at = range.at ?? DEFAULT_SNAPSHOT_DAY;
  const [employeeRows, agreementRows] = await Promise.all([
    listStatEmploymentSpans(db, organisation.id),
    listStatAgreementSpans(db, organisation.id),
  ]);
  // The rows as stored, in the rules' shapes (days a week through Number(), whatever the driver hands over).
  const employees = employeeRows.map(
    (row): StatEmployee => ({ employeeId: row.employee_id, hiredOn: row.hired_on, leftOn: row.left_on }),
  );
  const agreements = agreementRows.map(
    (row): StatAgreement => ({
      employeeId: row.employee_id,
      regime: row.regime as StatRegime,
      daysPerWeek: row.days_per_week === null ? null : Number(row.days_per_week),
      startDate: row.start_date,
      endDate: row.end_date,
    }),
  );
  return {
    organisation: organisation.name,
    at,
    target_pct: organisation.target_pct === null ? null : Number(organisation.target_pct),
    rows: yearlyStatistics(employees, agreements, { from: range.from, to: range.to, at }),
    crisisMeasures: await crisisPeriodsBetween(db, `${range.from}-01-01`, `${range.to}-12-31`),
  };
}

/** Sets or clears (null) the target share of staff teleworking, shown as a line on the chart. */
export async function setStatisticsTarget(
  db: Db,
  actor: AuditActor,
  key: string,
  targetPct: number | null,
): Promise<StatOrganisation> {
  await withTransaction(db, async (trx) => {
    const organisation = await getStatOrganisation(trx, key);
    if (organisation.id !== key)
      throw notFound('telework.statistics.organisation_not_found', { organisation: key });
    await updateStatOrganisation(trx, organisation.id, { target_pct: targetPct, updated_at: nowInstant() });
    await writeAudit(trx, actor, {
      action: 'telework.statistics_target_set',
      objectType: 'telework_stat_organisation',
      objectId: organisation.id,
      summary: { from: organisation.target_pct, to: targetPct },
    });
  });
  const organisations = await listOrganisationsWithStatistics(db);
  const found = organisations.find((o) => o.id === key);
  if (!found) throw new AppError('telework.statistics.organisation_not_found', 404, { organisation: key });
  return found;
}

type AnswerLine = { label: string; values: Map<number, number | null> };

/**
 * The report laid out like the answers to parliament (Senate question 5-10816): one line per
 * figure, labelled in the reader's language, the years as columns.
 */
export function statisticsExport(report: StatisticsReport, language: Language): TableExport<AnswerLine> {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(language, `telework.statistics.${key}`, params);
  const line = (label: string, value: (row: StatisticsRow) => number | null): AnswerLine => ({
    label,
    values: new Map(report.rows.map((row) => [row.year, value(row)])),
  });
  const days = new Set<string>(STRUCTURAL_DAYS_PER_WEEK.map(String));
  for (const row of report.rows)
    for (const key of Object.keys(row.structural_by_days_per_week)) days.add(key);
  const lines: AnswerLine[] = [
    line(t('headcount'), (r) => r.headcount),
    line(t('teleworkers'), (r) => r.teleworkers),
    line(t('teleworkers_pct'), (r) => r.teleworkers_pct),
    line(t('structural'), (r) => r.structural),
    line(t('structural_pct'), (r) => r.structural_pct),
    ...[...days]
      .sort((a, b) => Number(a) - Number(b))
      .map((d) => line(t('structural_days', { days: d }), (r) => r.structural_by_days_per_week[d] ?? 0)),
    line(t('occasional'), (r) => r.occasional),
    line(t('occasional_pct'), (r) => r.occasional_pct),
  ];
  if (report.target_pct !== null) lines.push(line(t('target_pct'), () => report.target_pct));
  const snapshot = report.at === DEFAULT_SNAPSHOT_DAY ? '' : `-${report.at}`;
  const first = report.rows[0]?.year ?? '';
  const last = report.rows.at(-1)?.year ?? '';
  return {
    name: `relais-telework-${organisationKey(report.organisation)}-${first}-${last}${snapshot}`,
    sheet: t('sheet'),
    columns: [
      { header: t('figure'), width: 44, value: (l) => l.label },
      ...report.rows.map((row) => ({
        header: String(row.year),
        kind: 'number' as const,
        width: 10,
        value: (l: AnswerLine) => l.values.get(row.year),
      })),
    ],
    rows: lines,
  };
}
