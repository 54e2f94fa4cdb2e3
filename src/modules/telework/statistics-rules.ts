import type { StatisticsRow, StatRegime } from './contract.js';

// The yearly report's definitions (demo/telework/spf-securite-sociale/expected-report.json):
// - employed on day D: hired_on <= D and (left_on empty or left_on >= D), left_on being the last working day;
// - an agreement is active on D: start_date <= D and (end_date empty or end_date >= D);
// - a year's snapshot is taken on one day of that year (31 December unless asked otherwise);
// - percentages: count / headcount * 100, rounded half up to 2 decimals.
// The report counts here, over the rows the repository reads (statistics.ts); nothing else counts them.

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

/** One year's row of the report from its counts. */
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
 * Counts snapshot days over rows in memory, all in one pass over the rows (the report of 100,000
 * people and ten years reads them once: issue 14). A person counts once a day: when two of their
 * agreements are active that day (a new one replacing the old before its end), the one that started
 * last counts. Agreements of someone absent from `employees` count nowhere. Memory grows with the
 * rows, not with rows × days.
 */
export function tallyDays(
  employees: readonly StatEmployee[],
  agreements: readonly StatAgreement[],
  days: readonly string[],
): Omit<YearTally, 'year'>[] {
  // Each person's agreements, as positions in `agreements` grouped by the person's position.
  const position = new Map<string, number>();
  for (let e = 0; e < employees.length; e++) position.set(employees[e]!.employeeId, e);
  const owner = new Int32Array(agreements.length);
  const firstOf = new Int32Array(employees.length + 1);
  for (let a = 0; a < agreements.length; a++) {
    const e = position.get(agreements[a]!.employeeId) ?? -1;
    owner[a] = e;
    if (e >= 0) firstOf[e + 1]! += 1;
  }
  for (let e = 0; e < employees.length; e++) firstOf[e + 1]! += firstOf[e]!;
  const grouped = new Int32Array(firstOf[employees.length]!);
  const next = firstOf.slice(0, employees.length);
  for (let a = 0; a < agreements.length; a++) if (owner[a]! >= 0) grouped[next[owner[a]!]!++] = a;

  const tallies = days.map(() => ({ headcount: 0, counts: new Map<string, AgreementTally>() }));
  for (let e = 0; e < employees.length; e++) {
    const employee = employees[e]!;
    for (let d = 0; d < days.length; d++) {
      const day = days[d]!;
      if (!isEmployedOn(employee, day)) continue;
      const tally = tallies[d]!;
      tally.headcount += 1;
      let current: StatAgreement | undefined;
      for (let g = firstOf[e]!; g < firstOf[e + 1]!; g++) {
        const agreement = agreements[grouped[g]!]!;
        if (isActiveOn(agreement, day) && (!current || current.startDate < agreement.startDate))
          current = agreement;
      }
      if (!current) continue;
      const key = `${current.regime}/${current.daysPerWeek}`;
      const count = tally.counts.get(key) ?? {
        regime: current.regime,
        daysPerWeek: current.daysPerWeek,
        count: 0,
      };
      count.count += 1;
      tally.counts.set(key, count);
    }
  }
  return tallies.map(({ headcount, counts }) => ({ headcount, tallies: [...counts.values()] }));
}

/** The yearly report over rows in memory, one row a year from `from` to `to`. */
export function yearlyStatistics(
  employees: readonly StatEmployee[],
  agreements: readonly StatAgreement[],
  range: { from: number; to: number; at?: string },
): StatisticsRow[] {
  const years: number[] = [];
  for (let year = range.from; year <= range.to; year++) years.push(year);
  const days = years.map((year) => snapshotDate(year, range.at ?? DEFAULT_SNAPSHOT_DAY));
  const tallies = tallyDays(employees, agreements, days);
  return years.map((year, y) => statisticsRow({ year, ...tallies[y]! }));
}
