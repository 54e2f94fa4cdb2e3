// How much does authentication cost? Requests per second on GET /healthz (no database) against
// the authenticated GET /api/v1/me (session cookie → session, person, roles), on SQLite.
// Target: /api/v1/me keeps at least half of /healthz's throughput.
// Prints one JSON line on stdout; progress on stderr. BENCH_SECONDS shortens each run (default 10).
import fs from 'node:fs';
import { ensureServerBuilt } from './support/build.js';
import { CONNECTIONS, describeLoad, loadServer as load, loginAs } from './support/http-load.js';
import { log, machine, startServer, tempDataDir } from './support/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_RATIO = 0.5;

// Taken before the benchmark adds its own load.
const machineAtStart = machine();
ensureServerBuilt();
const dataDir = tempDataDir('http');
log(`starting relais serve on a fresh SQLite database in ${dataDir} (migrations + demo seed)...`);
const server = await startServer(dataDir);
try {
  const cookie = await loginAs(server, 'agent');
  const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}`);

  // A short warm-up each, so both runs measure JIT-compiled code.
  const warmup = Math.max(1, Math.round(SECONDS / 5));
  log(`warming up (${warmup} s each)...`);
  await load(server, '/healthz', {}, warmup);
  await load(server, '/api/v1/me', { cookie }, warmup);

  log(`GET /healthz: ${CONNECTIONS} connections for ${SECONDS} s...`);
  const healthz = await load(server, '/healthz', {}, SECONDS);
  log(describeLoad('/healthz', healthz));
  log(`GET /api/v1/me (session cookie): ${CONNECTIONS} connections for ${SECONDS} s...`);
  const authenticated = await load(server, '/api/v1/me', { cookie }, SECONDS);
  log(describeLoad('/api/v1/me', authenticated));

  const ratio = Math.round((authenticated.rps / healthz.rps) * 1000) / 1000;
  console.log(
    JSON.stringify({
      bench: 'http-baseline',
      seconds: SECONDS,
      connections: CONNECTIONS,
      healthz_rps: healthz.rps,
      me_rps: authenticated.rps,
      ratio,
      target_ratio: TARGET_RATIO,
      meets_target: ratio >= TARGET_RATIO,
      p99_ms: { healthz: healthz.p99, me: authenticated.p99 },
      server_cpu_us_per_request: { healthz: healthz.cpuUs, me: authenticated.cpuUs },
      machine: machineAtStart,
    }),
  );
} finally {
  const code = await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (code !== 0) process.exitCode = 1;
}
