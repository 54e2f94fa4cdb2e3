// How much does authentication cost? Requests per second on GET /healthz (no database) against
// the authenticated GET /api/v1/me (session cookie → session, person, roles), on SQLite.
// Target: /api/v1/me keeps at least half of /healthz's throughput.
// Prints one JSON line on stdout; progress on stderr. BENCH_SECONDS shortens each run (default 10).
import fs from 'node:fs';
import autocannon from 'autocannon';
import { ensureServerBuilt } from './support/build.js';
import { cpuSeconds, log, machine, type RunningServer, startServer, tempDataDir } from './support/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const TARGET_RATIO = 0.5;

/** Loads one URL; also measures the server's CPU per request, which the machine's other load blurs less. */
async function load(server: RunningServer, path: string, headers: Record<string, string>, seconds: number) {
  const cpuBefore = cpuSeconds(server.child.pid);
  const result = await autocannon({
    url: `${server.url}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
  });
  const cpuAfter = cpuSeconds(server.child.pid);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${path}: ${failed} failed requests (non-2xx, errors or timeouts)`);
  const cpuUs =
    cpuBefore === undefined || cpuAfter === undefined
      ? null
      : Math.round(((cpuAfter - cpuBefore) * 1e6) / result.requests.total);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, cpuUs };
}

async function login(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent', password: 'demo-relais' }),
  });
  if (response.status !== 200)
    throw new Error(`demo login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
  if (!cookie) throw new Error('demo login set no session cookie');
  return cookie.split(';')[0]!;
}

// Taken before the benchmark adds its own load.
const machineAtStart = machine();
ensureServerBuilt();
const dataDir = tempDataDir('http');
log(`starting relais serve on a fresh SQLite database in ${dataDir} (migrations + demo seed)...`);
const server = await startServer(dataDir);
try {
  const cookie = await login(server);
  const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`GET /api/v1/me answered ${me.status}`);

  // A short warm-up each, so both runs measure JIT-compiled code.
  const warmup = Math.max(1, Math.round(SECONDS / 5));
  log(`warming up (${warmup} s each)...`);
  await load(server, '/healthz', {}, warmup);
  await load(server, '/api/v1/me', { cookie }, warmup);

  log(`GET /healthz: ${CONNECTIONS} connections for ${SECONDS} s...`);
  const healthz = await load(server, '/healthz', {}, SECONDS);
  log(`  ${healthz.rps} req/s, p99 ${healthz.p99} ms, server CPU ${healthz.cpuUs} µs/request`);
  log(`GET /api/v1/me (session cookie): ${CONNECTIONS} connections for ${SECONDS} s...`);
  const authenticated = await load(server, '/api/v1/me', { cookie }, SECONDS);
  log(
    `  ${authenticated.rps} req/s, p99 ${authenticated.p99} ms, server CPU ${authenticated.cpuUs} µs/request`,
  );

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
