import autocannon from 'autocannon';
import { cpuSeconds, type RunningServer } from './server.js';

export const CONNECTIONS = 50;

export type LoadFigures = { rps: number; p99: number; cpuUs: number | null };

/**
 * Loads the server with CONNECTIONS connections for `seconds`: one path, or one path per request
 * taken in turn from `paths` (so a search bench does not repeat one query). Also measures the
 * server's CPU per request, which the machine's other load blurs less than wall-clock throughput.
 * Any non-2xx answer, error or timeout fails the bench: a fast error page is not a result.
 */
export async function loadServer(
  server: RunningServer,
  paths: string | readonly string[],
  headers: Record<string, string>,
  seconds: number,
): Promise<LoadFigures> {
  const list = typeof paths === 'string' ? [paths] : paths;
  let next = 0;
  const cpuBefore = cpuSeconds(server.child.pid);
  const result = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => {
          request.path = list[next++ % list.length]!;
          return request;
        },
      },
    ],
  });
  const cpuAfter = cpuSeconds(server.child.pid);
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`${list[0]}: ${failed} failed requests (non-2xx, errors or timeouts)`);
  const cpuUs =
    cpuBefore === undefined || cpuAfter === undefined
      ? null
      : Math.round(((cpuAfter - cpuBefore) * 1e6) / result.requests.total);
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, cpuUs };
}

/** Logs a demo user in (password demo-relais-2020) and returns the session cookie to send. */
export async function loginAs(server: RunningServer, username: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo-relais-2020' }),
  });
  if (response.status !== 200)
    throw new Error(`demo login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('relais_session='));
  if (!cookie) throw new Error('demo login set no session cookie');
  return cookie.split(';')[0]!;
}

export const describeLoad = (label: string, figures: LoadFigures): string =>
  `  ${label}: ${figures.rps} req/s, p99 ${figures.p99} ms, server CPU ${figures.cpuUs} µs/request`;
