// Can a fund tell whether another fund's inquiry exists by timing the 404? Interleaved GETs, as
// the demo fund user, of an existing inquiry that is not the fund's and of a reference that does
// not exist, in-process (app.inject) so that only the server's own work is timed.
// Prints one JSON line on stdout. BENCH_REQUESTS sets the requests per path (default 200);
// TEST_DATABASE_URL adds a run on PostgreSQL.

import type { Dialect } from '../src/platform/db/database.js';
import { createTestApp, json, login, type Session, type TestApp } from '../src/test-support/test-app.js';
import { log, machine } from './support/server.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (ms: number) => Math.round(ms * 1000) / 1000;

async function timedGet(t: TestApp, partner: Session, ref: string): Promise<number> {
  const started = performance.now();
  const response = await t.app.inject({
    url: `/api/v1/inquiries/${ref}`,
    headers: { cookie: partner.cookie },
  });
  const elapsed = performance.now() - started;
  if (response.statusCode !== 404) throw new Error(`GET ${ref} answered ${response.statusCode}`);
  return elapsed;
}

async function measure(dialect: Dialect) {
  const t = await createTestApp(dialect, { seed: 'demo' });
  try {
    const [agent, partner] = await Promise.all([
      login(t.app, 'agent', 'demo-relais-2020'),
      login(t.app, 'partner.acerta', 'demo-relais-2020'),
    ]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inquiries',
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
      payload: { channel: 'phone', language: 'fr', question: 'Droit passerelle: un appel d’un indépendant' },
    });
    const existing = json(created).ref as string;
    const missing = `Q-${existing.slice(2, 6)}-999999`;
    const times = { existing: [] as number[], missing: [] as number[] };
    for (let i = 0; i < 20; i++)
      await Promise.all([timedGet(t, partner, existing), timedGet(t, partner, missing)]);
    for (let i = 0; i < REQUESTS; i++) {
      // Alternating which goes first, so neither path always follows the other's commit.
      if (i % 2 === 0) {
        times.existing.push(await timedGet(t, partner, existing));
        times.missing.push(await timedGet(t, partner, missing));
      } else {
        times.missing.push(await timedGet(t, partner, missing));
        times.existing.push(await timedGet(t, partner, existing));
      }
    }
    const existingMs = median(times.existing);
    const missingMs = median(times.missing);
    log(
      `${dialect}: existing foreign ${round(existingMs)} ms, missing ${round(missingMs)} ms (median of ${REQUESTS})`,
    );
    return {
      existing_median_ms: round(existingMs),
      missing_median_ms: round(missingMs),
      difference_ms: round(existingMs - missingMs),
      ratio: round(existingMs / missingMs),
    };
  } finally {
    await t.close();
  }
}

const machineAtStart = machine();
const figures: Record<string, unknown> = {};
for (const dialect of dialects) figures[dialect] = await measure(dialect);
console.log(
  JSON.stringify({
    bench: 'inquiry-refusal-timing',
    requests: REQUESTS,
    ...figures,
    machine: machineAtStart,
  }),
);
