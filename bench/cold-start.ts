// How long until a fresh `relais serve` answers? Time from spawning the real CLI to the first 200 on
// /readyz (polled every 10 ms): on an empty SQLite file (migrations + demo seed) and on an existing one.
// Targets: under 3 s empty, under 1 s existing. Each server is stopped with SIGTERM and must exit 0
// (that exercises the graceful shutdown too). Prints one JSON line on stdout; progress on stderr.
import fs from 'node:fs';
import { ensureServerBuilt } from './support/build.js';
import { log, machine, median, startServer, tempDataDir } from './support/server.js';

const RUNS = 3;
const TARGET_EMPTY_MS = 3000;
const TARGET_EXISTING_MS = 1000;

async function timeStart(dataDir: string): Promise<number> {
  const server = await startServer(dataDir);
  const code = await server.stop();
  if (code !== 0) throw new Error(`relais serve did not shut down cleanly on SIGTERM (exit ${code})`);
  return Math.round(server.readyAfterMs);
}

// Taken before the benchmark adds its own load.
const machineAtStart = machine();
ensureServerBuilt();
const emptyMs: number[] = [];
const existingMs: number[] = [];
const existingDir = tempDataDir('cold-existing');
try {
  for (let run = 1; run <= RUNS; run++) {
    const dataDir = tempDataDir('cold-empty');
    try {
      emptyMs.push(await timeStart(dataDir));
      log(`empty database, run ${run}: ready after ${emptyMs.at(-1)} ms`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  // The file the existing-database runs reopen: migrated and seeded by a first start.
  await timeStart(existingDir);
  for (let run = 1; run <= RUNS; run++) {
    existingMs.push(await timeStart(existingDir));
    log(`existing database, run ${run}: ready after ${existingMs.at(-1)} ms`);
  }
} finally {
  fs.rmSync(existingDir, { recursive: true, force: true });
}

const empty = median(emptyMs);
const existing = median(existingMs);
console.log(
  JSON.stringify({
    bench: 'cold-start',
    runs: RUNS,
    empty_ms: empty,
    existing_ms: existing,
    empty_runs_ms: emptyMs,
    existing_runs_ms: existingMs,
    target_empty_ms: TARGET_EMPTY_MS,
    target_existing_ms: TARGET_EXISTING_MS,
    meets_target: empty < TARGET_EMPTY_MS && existing < TARGET_EXISTING_MS,
    graceful_shutdown: true,
    machine: machineAtStart,
  }),
);
