// Runs every benchmark in its own child process, one after the other (so they never compete for
// the CPU), prints each one's JSON line on stdout, and a short readable table on stderr.
// `npm run bench` runs them all; `npm run bench -- cold-start` only the ones named.
// BENCH_SECONDS shortens the load tests.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureServerBuilt, ROOT } from './support/build.js';

// Every script beside this one is a benchmark (bench/support holds their shared helpers).
const available = fs
  .readdirSync(path.join(ROOT, 'bench'))
  .filter((file) => file.endsWith('.ts') && file !== 'run-all.ts')
  .sort();
const wanted = process.argv.slice(2).map((name) => name.replace(/\.ts$/, ''));
const unknown = wanted.filter((name) => !available.includes(`${name}.ts`));
if (unknown.length > 0) {
  process.stderr.write(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}\n`);
  process.exit(2);
}
const BENCHMARKS = wanted.length > 0 ? wanted.map((name) => `${name}.ts`) : available;

type Outcome = { name: string; figures?: Record<string, unknown>; error?: string };

function runBenchmark(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', file)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const figures = JSON.parse(line) as Record<string, unknown>;
        if (code !== 0) resolve({ name: file, figures, error: `exited with ${code}` });
        else resolve({ name: file, figures });
      } catch {
        resolve({ name: file, error: `exited with ${code} and no JSON line` });
      }
    });
  });
}

/** The few figures worth a glance; the JSON lines hold everything. */
function summarise(figures: Record<string, unknown>): string {
  switch (figures.bench) {
    case 'http-baseline':
      return `/healthz ${figures.healthz_rps} req/s, /api/v1/me ${figures.me_rps} req/s, ratio ${figures.ratio} (target ≥ ${figures.target_ratio})`;
    case 'equipment': {
      type Search = { p50_ms: number; p99_ms: number };
      const line = (db: string) => {
        const f = figures[db] as
          | {
              last_units: { reservations_per_s: number; attempts_per_s: number };
              throughput: { reservations_per_s: number };
              asset_search?: { assets: number; worst_p99_ms: number } & Record<string, Search | number>;
            }
          | undefined;
        if (!f) return null;
        const search = f.asset_search;
        const kinds = search
          ? (['tag', 'serial', 'type_status', 'free_text'] as const)
              .map((kind) => {
                const k = search[kind] as Search | undefined;
                return k ? `${kind} ${k.p50_ms}/${k.p99_ms}` : null;
              })
              .filter(Boolean)
              .join(', ')
          : null;
        return `${db} ${f.last_units.reservations_per_s} reservations/s for the last units (${f.last_units.attempts_per_s} attempts/s), ${f.throughput.reservations_per_s}/s with stock enough${kinds ? `, asset search p50/p99 ms on ${search?.assets} assets: ${kinds}` : ''}`;
      };
      return `${['sqlite', 'postgres'].map(line).filter(Boolean).join('; ')}; over-allocation ${figures.over_allocation} (target ≥ ${figures.target_sqlite_reservations_per_s}/s on SQLite, search p99 ≤ ${figures.target_search_p99_ms} ms)`;
    }
    case 'cold-start':
      return `ready after ${figures.empty_ms} ms on an empty database (target < ${figures.target_empty_ms}), ${figures.existing_ms} ms on an existing one (target < ${figures.target_existing_ms})`;
    case 'knowledge-latency': {
      const large = figures.large as { entries: number; search: { median_ms: number; p99_ms: number } };
      const http = figures.http as { search_rps: number; healthz_rps: number; ratio: number };
      return `${large.entries} entries: median ${large.search.median_ms} ms, p99 ${large.search.p99_ms} ms (target ≤ ${figures.target_p99_ms}); search route ${http.search_rps} req/s vs /healthz ${http.healthz_rps}, ratio ${http.ratio} (target ≥ ${figures.target_http_ratio})`;
    }
    case 'public-faq': {
      const rps = figures.rps as Record<string, number>;
      const ratios = figures.ratio_to_healthz as Record<string, number>;
      const capacity = figures.capacity_ratio_to_healthz as Record<string, number | null>;
      const shown = Object.entries(ratios).filter(([name]) => name !== 'healthz');
      return `/healthz ${rps.healthz} req/s; as ratios of req/s (of capacity): ${shown.map(([name, ratio]) => `${name} ${ratio} (${capacity[name]})`).join(', ')}; target 304 capacity ≥ ${figures.target_not_modified_ratio}`;
    }
    case 'knowledge-export': {
      const during = figures.healthz_during_export as { p99: number };
      const idle = figures.healthz_idle as { p99: number };
      return `bilingual PDF of the demo FAQ ${figures.demo_pdf_ms} ms (${figures.demo_pdf_pages} pages); ${figures.large_pdf_pages} pages ${figures.large_pdf_ms} ms; /healthz p99 ${idle.p99} → ${during.p99} ms during a server export (target < ${figures.target_healthz_p99_ms})`;
    }
    case 'inquiries-throughput': {
      const targets = figures.targets as Record<string, number>;
      return (['sqlite', 'postgres'] as const)
        .flatMap((database) => {
          const f = figures[database] as
            | {
                inquiries_per_second: number;
                create_ms: { p99: number };
                search_ms: { idle: { p99_ms: number }; under_load: { p99_ms: number } };
                raw_commits_per_second: number;
              }
            | undefined;
          return f
            ? [
                `${database} ${f.inquiries_per_second} inquiries/s (target ≥ ${targets[`${database}_per_second`]}, raw commits ${f.raw_commits_per_second}/s), create p99 ${f.create_ms.p99} ms, suggestions p99 ${f.search_ms.under_load.p99_ms} ms under load (${f.search_ms.idle.p99_ms} idle; target ≤ ${targets.search_p99_ms})`,
              ]
            : [];
        })
        .join('; ');
    }
    case 'hostile-input': {
      const shapes = Object.values(
        figures.shapes as Record<string, { median_ms: number; max_bytes: number }>,
      );
      const slowest = Math.max(...shapes.map((s) => s.median_ms));
      const largest = Math.max(...shapes.map((s) => s.max_bytes));
      return `${shapes.length} hostile shapes refused in ≤ ${slowest} ms (target < ${figures.target_ms}), answers ≤ ${largest} bytes (target < ${figures.target_bytes}); /healthz during an attack ${figures.healthz_during_attack_ms} ms`;
    }
    case 'inquiry-refusal-timing':
      return (['sqlite', 'postgres'] as const)
        .flatMap((database) => {
          const f = figures[database] as
            | { existing_median_ms: number; missing_median_ms: number; ratio: number }
            | undefined;
          return f
            ? [
                `${database}: a foreign reference ${f.existing_median_ms} ms, a missing one ${f.missing_median_ms} ms (ratio ${f.ratio})`,
              ]
            : [];
        })
        .join('; ');
    case 'telework-report':
      return (['sqlite', 'postgres'] as const)
        .flatMap((database) => {
          const f = figures[database] as { report_median_ms: number; report_max_ms: number } | undefined;
          return f
            ? [
                `${database} yearly report over ${figures.people} people: median ${f.report_median_ms} ms, max ${f.report_max_ms} ms (target < ${figures.target_ms})`,
              ]
            : [];
        })
        .join('; ');
    case 'desk-booking':
      return (['sqlite', 'postgres'] as const)
        .flatMap((database) => {
          const f = figures[database] as
            | {
                crowd: { attempts_per_second: number; accepted_per_second: number; violations: number };
                large_site: { p99_ms: number };
              }
            | undefined;
          const targets = figures.targets as Record<string, number>;
          return f
            ? [
                `${database} ${f.crowd.attempts_per_second} attempts/s (${f.crowd.accepted_per_second} accepted; target ≥ ${targets[`${database}_attempts_per_second`]}), ${f.crowd.violations} violations, p99 ${f.large_site.p99_ms} ms on 10,000 desks (target < ${targets.large_site_p99_ms})`,
              ]
            : [];
        })
        .join('; ');
    case 'calls-stats':
      return (['sqlite', 'postgres'] as const)
        .flatMap((database) => {
          type Timing = { p50_ms: number; p99_ms: number };
          const f = figures[database] as
            | {
                calls: number;
                import_ms: number;
                import_with_inquiries?: { inquiries: number; import_ms: number; linked: number };
                year_by_day: Timing;
                year_by_hour: Timing;
                day_by_hour: Timing;
              }
            | undefined;
          return f
            ? [
                `${database} ${f.calls} calls imported in ${f.import_ms} ms (target < ${figures.target_import_ms}); figures p50/p99 ms: 2020 by day ${f.year_by_day.p50_ms}/${f.year_by_day.p99_ms}, by hour ${f.year_by_hour.p50_ms}/${f.year_by_hour.p99_ms}, 18 March by hour ${f.day_by_hour.p50_ms}/${f.day_by_hour.p99_ms} (target p99 < ${figures.target_stats_p99_ms})${f.import_with_inquiries ? `; with ${f.import_with_inquiries.inquiries} phone inquiries on their lines, imported in ${f.import_with_inquiries.import_ms} ms, ${f.import_with_inquiries.linked} linked` : ''}`,
              ]
            : [];
        })
        .join('; ');
    default:
      return JSON.stringify(figures);
  }
}

// Build once here rather than racing in each benchmark.
ensureServerBuilt();
const outcomes: Outcome[] = [];
for (const file of BENCHMARKS) {
  process.stderr.write(`\n== ${file}\n`);
  const outcome = await runBenchmark(file);
  if (outcome.figures) console.log(JSON.stringify(outcome.figures));
  outcomes.push(outcome);
}

const cpus = os.cpus();
process.stderr.write(
  `\nMachine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`,
);
for (const { name, figures, error } of outcomes) {
  const verdict = error ? 'ERROR' : figures?.meets_target ? 'meets target' : 'misses target';
  process.stderr.write(
    `  ${name.replace(/\.ts$/, '').padEnd(14)} ${verdict.padEnd(13)} ${figures ? summarise(figures) : error}\n`,
  );
}
if (outcomes.some((o) => o.error)) process.exitCode = 1;
