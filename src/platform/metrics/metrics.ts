import {
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  Registry,
} from 'prom-client';

/** What a refusal of the crowd control was: a per-address limit (429) or load shedding (503). */
export type Refusal = 'rate_limited' | 'shed';

type Log = { warn: (o: object, m: string) => void };

/** Latency buckets in seconds: a typed search answers in milliseconds, an export may take seconds. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * This instance's Prometheus metrics, one registry per app (tests build many apps in one process;
 * a process-wide registry would refuse the second app's metrics and mix their counts). The
 * platform's own metrics are made here; a module registers its own through `gauge` and
 * `histogram`, so the platform never needs to know the modules.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpRequests: Counter<'route' | 'method' | 'status_class'>;
  readonly httpDuration: Histogram<'route' | 'method' | 'status_class'>;
  readonly refusals: Counter<'reason' | 'crowd_class'>;
  readonly sseConnections: Gauge;

  constructor(private readonly log: Log) {
    const byRoute = ['route', 'method', 'status_class'] as const;
    this.httpRequests = this.counter({
      name: 'relais_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status class (2xx, 4xx, 5xx)',
      labelNames: byRoute,
    });
    this.httpDuration = this.histogram({
      name: 'relais_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern, method and status class',
      labelNames: byRoute,
      buckets: LATENCY_BUCKETS,
    });
    this.refusals = this.counter({
      name: 'relais_http_refused_total',
      help: 'Requests refused by the crowd control: rate_limited (429, per-address limit) or shed (503, load shedding)',
      labelNames: ['reason', 'crowd_class'],
    });
    this.sseConnections = this.gauge({
      name: 'relais_sse_connections',
      help: 'Server-sent event streams (live notices) open on this instance',
    });
  }

  counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
    return new Counter({ ...config, registers: [this.registry] });
  }

  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
    return new Histogram({ ...config, registers: [this.registry] });
  }

  gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
    return new Gauge({ ...config, registers: [this.registry] });
  }

  /**
   * A gauge read when Prometheus scrapes (a queue's depth, counted in the database then, not kept
   * up to date on every change). A failed read is logged and leaves the gauge without its series
   * (NaN for a gauge without labels) rather than failing the whole scrape: the other metrics say
   * more during an outage.
   */
  gaugeAtScrape<L extends string>(
    config: Omit<GaugeConfiguration<L>, 'collect'>,
    read: () => Promise<Array<{ labels?: Partial<Record<L, string>>; value: number }>>,
  ): Gauge<L> {
    const log = this.log;
    return this.gauge<L>({
      ...config,
      async collect() {
        this.reset();
        try {
          for (const { labels, value } of await read()) {
            if (labels) this.set(labels as Partial<Record<L, string | number>>, value);
            else this.set(value);
          }
        } catch (error) {
          log.warn({ err: error, metric: config.name }, 'metrics: reading a gauge failed');
          // A gauge without labels would read 0 (all is well): NaN says it is unknown.
          if (!config.labelNames?.length) this.set(Number.NaN);
        }
      },
    });
  }

  /** The Prometheus text exposition of every metric. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** `2xx`, `4xx`, `5xx`: the class Prometheus alerts use, few values per route. */
export const statusClass = (status: number): string => `${Math.floor(status / 100)}xx`;
