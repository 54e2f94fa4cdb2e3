/**
 * How long does the yearly telework report take for a large organisation? (issue 14)
 *
 *   npm run bench -- telework-report
 *
 * For SQLite, then PostgreSQL, on a fresh migrated database: a generated organisation of 100,000
 * people (hired from 1980, a fifth of them gone by the end) with 10 years of agreements (2015-2024:
 * structural in half days and occasional, some replacing an earlier one before its end), written
 * through the module's repository, then the report of the 10 years (31 December of each) through
 * the same use case as the CLI and the API (statisticsReport: the two tables' needed columns read
 * once, every year counted in one pass by statistics-rules.ts; 9beaa06 and before ran one SQL count
 * a year). Timed BENCH_REPORT_RUNS times (default 5) after one warm-up; median and max. The first run's
 * rows are checked against statistics-rules.ts counting the generated rows: since the report counts
 * with the same rules, this checks what the database gives back (every row, days a week as numbers),
 * not the rules themselves (statistics-rules.test.ts and expected-report.json do).
 * The machine is shared (2 cores): compare before and after in one sitting (git archive the old
 * commit beside this one) and give the load average.
 *
 * Target: under 1 s. BENCH_DATABASES=sqlite (or postgres) runs one; BENCH_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432) is where a database relais_bench_<random> is created and dropped.
 * Prints ONE JSON line on stdout and the figures on stderr.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  analyzeStatTables,
  type Db,
  insertStatAgreements,
  insertStatEmployees,
  insertStatOrganisation,
} from '../src/modules/telework/repository.js';
import { statisticsReport } from '../src/modules/telework/statistics.js';
import {
  type StatAgreement,
  type StatEmployee,
  yearlyStatistics,
} from '../src/modules/telework/statistics-rules.js';
import type { StatAgreementRow, StatEmployeeRow } from '../src/modules/telework/tables.js';
import { seededRandom } from './lib/synthetic-corpus.js';
import { BENCH_DATABASES, withBenchDatabase } from './support/database.js';
import { log, machine, median } from './support/server.js';

const PEOPLE = 100_000;
const FROM = 2015;
const TO = 2024;
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 5);
const TARGET_MS = 1000;
const ORG = 'bench-org';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** The generated organisation, the same on both databases (seeded). */
function generate(): { employees: StatEmployeeRow[]; agreements: StatAgreementRow[] } {
  const random = seededRandom(14);
  const employees: StatEmployeeRow[] = [];
  const agreements: StatAgreementRow[] = [];
  const start = Date.UTC(1980, 0, 1);
  const end = Date.UTC(2024, 11, 31);
  const firstAgreement = Date.UTC(FROM, 0, 1);
  const days = [1, 1.5, 2, 2.5, 3];
  for (let i = 0; i < PEOPLE; i++) {
    const employeeId = `B${String(i).padStart(6, '0')}`;
    const hired = start + Math.floor(random() * (end - start));
    const left = random() < 0.2 ? hired + Math.floor(random() * (end - hired)) : null;
    employees.push({
      organisation_id: ORG,
      employee_id: employeeId,
      org_unit: `Unit ${i % 40}`,
      hired_on: day(hired),
      left_on: left === null ? null : day(left),
      occupation_pct: random() < 0.8 ? 100 : 80,
      is_teleworkable: random() < 0.92 ? 1 : 0,
    });
    // Up to three agreements a person over the ten years, the next sometimes starting before the last ends.
    let from = Math.max(hired, firstAgreement) + Math.floor(random() * 700) * DAY_MS;
    const count = random() < 0.4 ? 0 : 1 + Math.floor(random() * 3);
    for (let k = 0; k < count && from < end; k++) {
      const isStructural = random() < 0.8;
      const length = (200 + Math.floor(random() * 1200)) * DAY_MS;
      const until = k === count - 1 && random() < 0.5 ? null : from + length;
      agreements.push({
        organisation_id: ORG,
        employee_id: employeeId,
        start_date: day(from),
        end_date: until === null ? null : day(until),
        regime: isStructural ? 'structural' : 'occasional',
        days_per_week: isStructural ? days[Math.floor(random() * days.length)]! : null,
      });
      if (until === null) break;
      from = until + (random() < 0.2 ? -30 : 1 + Math.floor(random() * 200)) * DAY_MS;
    }
  }
  return { employees, agreements };
}

async function onDatabase(dialect: 'sqlite' | 'postgres', data: ReturnType<typeof generate>) {
  return withBenchDatabase(dialect, 'telework-report', async (handle) => {
    const db = handle.db as unknown as Db;
    const loadStarted = performance.now();
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await insertStatOrganisation(trx, {
        id: ORG,
        name: 'Bench organisation',
        target_pct: null,
        imported_at: now,
        created_at: now,
        updated_at: now,
      });
      await insertStatEmployees(trx, data.employees);
      await insertStatAgreements(trx, data.agreements);
      await analyzeStatTables(trx);
    });
    const loadMs = Math.round(performance.now() - loadStarted);
    const first = await statisticsReport(db, ORG, { from: FROM, to: TO });
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await statisticsReport(db, ORG, { from: FROM, to: TO });
      timings.push(performance.now() - started);
    }
    const inMemory = yearlyStatistics(
      data.employees.map(
        (e): StatEmployee => ({ employeeId: e.employee_id, hiredOn: e.hired_on, leftOn: e.left_on }),
      ),
      data.agreements.map(
        (a): StatAgreement => ({
          employeeId: a.employee_id,
          regime: a.regime as 'structural' | 'occasional',
          daysPerWeek: a.days_per_week,
          startDate: a.start_date,
          endDate: a.end_date,
        }),
      ),
      { from: FROM, to: TO },
    );
    const figures = {
      load_ms: loadMs,
      report_median_ms: Math.round(median(timings)),
      report_max_ms: Math.round(Math.max(...timings)),
      years: TO - FROM + 1,
      headcount_last_year: first.rows.at(-1)?.headcount,
      teleworkers_pct_last_year: first.rows.at(-1)?.teleworkers_pct,
      equals_in_memory_count: isDeepStrictEqual(first.rows, inMemory),
    };
    log(
      `${dialect}: report of ${figures.years} years over ${PEOPLE.toLocaleString('en')} people: median ${figures.report_median_ms} ms, max ${figures.report_max_ms} ms (target < ${TARGET_MS}); load ${loadMs} ms; same as in memory: ${figures.equals_in_memory_count}`,
    );
    return figures;
  });
}

const data = generate();
log(
  `generated ${data.employees.length.toLocaleString('en')} people, ${data.agreements.length.toLocaleString('en')} agreements`,
);
const result: Record<string, unknown> = {
  bench: 'telework-report',
  people: PEOPLE,
  agreements: data.agreements.length,
  target_ms: TARGET_MS,
  machine: machine(),
};
const medians: number[] = [];
let isExact = true;
for (const dialect of BENCH_DATABASES) {
  const figures = await onDatabase(dialect, data);
  result[dialect] = figures;
  medians.push(figures.report_median_ms);
  isExact &&= figures.equals_in_memory_count;
}
result.meets_target = isExact && medians.every((ms) => ms < TARGET_MS);
process.stdout.write(`${JSON.stringify(result)}\n`);
