import { describe, expect, it } from 'vitest';
import { Metrics, statusClass } from './metrics.js';

const quiet = { warn: () => undefined };

describe('Metrics', () => {
  it('gives each app its own registry: two apps in one process count apart', async () => {
    const [first, second] = [new Metrics(quiet), new Metrics(quiet)];
    first.httpRequests.inc({ route: '/x', method: 'GET', status_class: '2xx' });
    expect(await first.text()).toContain(
      'relais_http_requests_total{route="/x",method="GET",status_class="2xx"} 1',
    );
    expect(await second.text()).not.toContain('route="/x"');
  });

  it('reads a gauge at scrape time; a failed read says unknown (NaN), never a reassuring 0', async () => {
    const metrics = new Metrics(quiet);
    let depth: number | Error = 7;
    const read = async () => {
      if (depth instanceof Error) throw depth;
      return [{ value: depth }];
    };
    metrics.gaugeAtScrape({ name: 'test_depth', help: 'depth' }, read);
    metrics.gaugeAtScrape({ name: 'test_by_status', help: 'by status', labelNames: ['status'] }, async () => [
      { labels: { status: 'queued' }, value: (await read())[0]!.value },
    ]);
    expect(await metrics.text()).toContain('test_depth 7');
    expect(await metrics.text()).toContain('test_by_status{status="queued"} 7');
    depth = new Error('database away');
    const text = await metrics.text();
    // prom-client writes `Nan`; Prometheus reads NaN in any case (Go's ParseFloat).
    expect(text).toMatch(/^test_depth nan$/im);
    expect(text).not.toContain('test_by_status{');
  });

  it('groups statuses by class', () => {
    expect([200, 304, 429, 503].map(statusClass)).toEqual(['2xx', '3xx', '4xx', '5xx']);
  });
});
