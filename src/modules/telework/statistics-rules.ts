import type { StatisticsRow, StatRegime } from './contract.js';

// The yearly report's definitions (demo/telework/spf-securite-sociale/expected-report.json):
// - employed on day D: hired_on <= D and (left_on empty or left_on >= D), left_on being the last working day;
// - an agreement is active on D: start_date <= D and (end_date empty or end_date >= D);
// - a year's snapshot is taken on one day of that year (31 December unless asked otherwise);
// - percentages: count / headcount * 100, rounded half up to 2 decimals.
// The repository counts the same in SQL for large organisations; statistics-rules.test.ts checks they agree.

export type StatEmployee = { employeeId: string; hiredOn: string; leftOn: string | null };
export type StatAgreement = {
  employeeId: string;
  regime: StatRegime;
  daysPerWeek: number | null;
  startDate: string;
  endDate: string | null;
};
/** How many employed people, on the snapshot day, have an active agreement of a regime and days a week. */
export type AgreementTally = { regime: StatRegime; daysPerWeek: number | null; count: number };
export type YearTally = { year: number; headcount: number; tallies: AgreementTally[] };

export const DEFAULT_SNAPSHOT_DAY = '12-31';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The snapshot day of a year, `YYYY-MM-DD`; 29 February is the 28th in a common year. */
export function snapshotDate(year: number, monthDay: string): string {
  const day = monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay;
  return `${String(year).padStart(4, '0')}-${day}`;
}

/** Whether `MM-DD` is a day some year has (31 April is not; 29 February is). */
export function isRealMonthDay(monthDay: string): boolean {
  const match = /^(\d\d)-(\d\d)$/.exec(monthDay);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  const lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1]!;
}

export const isEmployedOn = (employee: StatEmployee, day: string): boolean =>
  employee.hiredOn <= day && (employee.leftOn === null || employee.leftOn >= day);

export const isActiveOn = (agreement: StatAgreement, day: string): boolean =>
  agreement.startDate <= day && (agreement.endDate === null || agreement.endDate >= day);

/**
 * count / headcount * 100, rounded half up to 2 decimals, in integers so that 0.125 never becomes
 * 0.12 through binary floating point: floor((2·count·10000 + headcount) / (2·headcount)) hundredths.
 */
export function roundedPercent(count: number, headcount: number): number {
  if (headcount === 0) return 0;
  return Math.floor((2 * count * 10_000 + headcount) / (2 * headcount)) / 100;
}

/** `1` → "1", `1.5` → "1.5": the keys of structural_by_days_per_week. */
export const daysKey = (days: number): string => String(days);

/** One year's row of the report from its counts (where the SQL and the in-memory count meet). */
export function statisticsRow({ year, headcount, tallies }: YearTally): StatisticsRow {
  let structural = 0;
  let occasional = 0;
  const byDays = new Map<number, number>();
  for (const tally of tallies) {
    if (tally.count === 0) continue;
    if (tally.regime === 'occasional') occasional += tally.count;
    else {
      structural += tally.count;
      const days = tally.daysPerWeek ?? 0;
      byDays.set(days, (byDays.get(days) ?? 0) + tally.count);
    }
  }
  const teleworkers = structural + occasional;
  const structuralByDays: Record<string, number> = {};
  for (const days of [...byDays.keys()].sort((a, b) => a - b))
    structuralByDays[daysKey(days)] = byDays.get(days)!;
  return {
    year,
    headcount,
    teleworkers,
    teleworkers_pct: roundedPercent(teleworkers, headcount),
    structural,
    structural_pct: roundedPercent(structural, headcount),
    occasional,
    occasional_pct: roundedPercent(occasional, headcount),
    structural_by_days_per_week: structuralByDays,
  };
}

/**
 * Counts one snapshot day over rows in memory. A person counts once: when two of their agreements
 * are active that day (a new one replacing the old before its end), the one that started last counts.
 */
export function tallyDay(
  employees: readonly StatEmployee[],
  agreements: readonly StatAgreement[],
  day: string,
): Omit<YearTally, 'year'> {
  const employed = new Set(employees.filter((e) => isEmployedOn(e, day)).map((e) => e.employeeId));
  const current = new Map<string, StatAgreement>();
  for (const agreement of agreements) {
    if (!employed.has(agreement.employeeId) || !isActiveOn(agreement, day)) continue;
    const other = current.get(agreement.employeeId);
    if (!other || other.startDate < agreement.startDate) current.set(agreement.employeeId, agreement);
  }
  const counts = new Map<string, AgreementTally>();
  for (const agreement of current.values()) {
    const key = `${agreement.regime}/${agreement.daysPerWeek}`;
    const tally = counts.get(key) ?? {
      regime: agreement.regime,
      daysPerWeek: agreement.daysPerWeek,
      count: 0,
    };
    tally.count += 1;
    counts.set(key, tally);
  }
  return { headcount: employed.size, tallies: [...counts.values()] };
}

/** The yearly report over rows in memory, one row a year from `from` to `to`. */
export function yearlyStatistics(
  employees: readonly StatEmployee[],
  agreements: readonly StatAgreement[],
  range: { from: number; to: number; at?: string },
): StatisticsRow[] {
  const rows: StatisticsRow[] = [];
  for (let year = range.from; year <= range.to; year++) {
    const day = snapshotDate(year, range.at ?? DEFAULT_SNAPSHOT_DAY);
    rows.push(statisticsRow({ year, ...tallyDay(employees, agreements, day) }));
  }
  return rows;
}
