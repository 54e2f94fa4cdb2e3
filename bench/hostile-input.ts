// How long does a hostile body or query string cost the real server? Anonymous POSTs to the login
// (no credentials needed) of shapes within the 1 MiB body limit, each sent 10 times over HTTP:
// the median time to the answer and its size. Then four 90,000-key bodies at once while /healthz
// is asked 50 ms later (once their bytes are in): how long it waits. Before the input guard, a 90,000-key body took 1.3-1.6 s and
// answered 9.9 MB, and four held /healthz for 5 s. Target: every refusal under 50 ms and 16 KiB.
// Prints one JSON line on stdout; progress on stderr.
import fs from 'node:fs';
import { ensureServerBuilt } from './support/build.js';
import { log, machine, median, startServer, tempDataDir } from './support/server.js';

const RUNS = 10;
const TARGET_MS = 50;
const TARGET_BYTES = 16_384;

const keys = (count: number, name: (i: number) => string) =>
  `{${Array.from({ length: count }, (_, i) => `"${name(i)}":0`).join(',')}}`;

const BODIES: Record<string, string> = {
  object_90000_keys: keys(90_000, String),
  array_200000_items: `{"username":[${'0,'.repeat(200_000)}0]}`,
  arrays_450000_deep: `{"username":${'['.repeat(450_000)}${']'.repeat(450_000)}}`,
  values_18000: JSON.stringify({
    username: Array.from({ length: 20 }, () => Array.from({ length: 900 }, () => 0)),
  }),
  unknown_fields_1000: keys(1_000, (i) => `unknown${i}`),
  password_of_1_mb: JSON.stringify({ username: 'agent02', password: 'x'.repeat(1_000_000) }),
};
const QUERY = Array.from({ length: 2_000 }, (_, i) => `k${i}=1`).join('&');

async function timed(url: string, init?: RequestInit) {
  const start = performance.now();
  const response = await fetch(url, init);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - start, bytes, status: response.status };
}

const post = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
});

const machineAtStart = machine();
ensureServerBuilt();
const dataDir = tempDataDir('hostile-input');
const server = await startServer(dataDir);
const shapes: Record<string, { median_ms: number; max_bytes: number; status: number }> = {};
let healthzMs = 0;
try {
  const cases: [string, string, RequestInit | undefined][] = [
    ...Object.entries(BODIES).map(
      ([name, body]) =>
        [name, `${server.url}/api/v1/auth/login`, post(body)] as [string, string, RequestInit],
    ),
    ['query_2000_parameters', `${server.url}/api/v1/public/faq/search?${QUERY}`, undefined],
  ];
  for (const [name, url, init] of cases) {
    await timed(url, init);
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await timed(url, init));
    shapes[name] = {
      median_ms: Math.round(median(runs.map((r) => r.ms)) * 10) / 10,
      max_bytes: Math.max(...runs.map((r) => r.bytes)),
      status: runs[0]?.status ?? 0,
    };
    log(`${name}: ${shapes[name].status} in ${shapes[name].median_ms} ms, ${shapes[name].max_bytes} bytes`);
  }
  const wide = post(BODIES.object_90000_keys ?? '');
  const [health] = await Promise.all([
    new Promise<{ ms: number }>((resolve) => setTimeout(() => resolve(timed(`${server.url}/healthz`)), 50)),
    ...Array.from({ length: 4 }, () => timed(`${server.url}/api/v1/auth/login`, wide)),
  ]);
  healthzMs = Math.round(health.ms * 10) / 10;
  log(`/healthz during four 90,000-key bodies: ${healthzMs} ms`);
} finally {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const values = Object.values(shapes);
console.log(
  JSON.stringify({
    bench: 'hostile-input',
    shapes,
    healthz_during_attack_ms: healthzMs,
    target_ms: TARGET_MS,
    target_bytes: TARGET_BYTES,
    meets_target: values.every((s) => s.median_ms < TARGET_MS && s.max_bytes < TARGET_BYTES),
    machine: machineAtStart,
  }),
);
