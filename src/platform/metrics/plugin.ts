import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { nowInstant } from '../db/time.js';
import { jobQueueDepth } from '../jobs/jobs.js';
import { countOutbox } from '../mail/outbox.js';
import { Metrics, statusClass } from './metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's Prometheus metrics: modules register theirs on it (see Metrics). */
    metrics: Metrics;
  }
}

const secondsSince = (instant: string | number, now: number) =>
  Math.max(0, (now - (typeof instant === 'number' ? instant : Date.parse(instant))) / 1000);

/**
 * Counts and times every answered request by route pattern (`/api/v1/inquiries/:ref`, never the
 * address itself: one series per route, not per inquiry), and reads the queues when Prometheus
 * scrapes. Registered before the crowd control, which counts its refusals here, and before the
 * routes. The app must have its job runner and mail decorated first (they are read at scrape time).
 */
async function metricsPlugin(app: FastifyInstance): Promise<void> {
  const metrics = new Metrics(app.log);
  app.decorate('metrics', metrics);

  app.addHook('onResponse', async (request, reply) => {
    const labels = {
      // An address no route matched (a probe of /wp-admin) is one series, not one per address.
      route: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      status_class: statusClass(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });

  // The queues are the database's: every instance reports the same depth (alert on max, not sum).
  metrics.gaugeAtScrape(
    {
      name: 'relais_jobs',
      help: 'Background jobs waiting (queued) and running, over all instances',
      labelNames: ['status'],
    },
    async () => {
      const depth = await jobQueueDepth(app.db, nowInstant());
      return [
        { labels: { status: 'queued' }, value: depth.queued },
        { labels: { status: 'running' }, value: depth.running },
      ];
    },
  );
  metrics.gaugeAtScrape(
    {
      name: 'relais_jobs_oldest_due_seconds',
      help: 'How long the oldest job due to run has been waiting (0 when none waits)',
    },
    async () => {
      const depth = await jobQueueDepth(app.db, nowInstant());
      return [{ value: depth.oldestDueAt ? secondsSince(depth.oldestDueAt, Date.now()) : 0 }];
    },
  );
  metrics.gaugeAtScrape(
    {
      name: 'relais_mail_outbox',
      help: 'Mails in the outbox still to send (queued) and given up after their last try (failed)',
      labelNames: ['status'],
    },
    async () => {
      const counts = await countOutbox(app.db);
      return [
        { labels: { status: 'queued' }, value: counts.queued },
        { labels: { status: 'failed' }, value: counts.failed },
      ];
    },
  );
  // Only with a mailbox to read: an instance without one has no lag to report.
  const { mailbox } = app.mail;
  if (!mailbox.isConfigured) return;
  metrics.gaugeAtScrape(
    {
      name: 'relais_mailbox_seconds_since_last_read',
      help: 'Seconds since this instance last finished reading the crisis mailbox (since its start before a first read)',
    },
    async () => [{ value: secondsSince(mailbox.lastReadAt ?? mailbox.createdAt, Date.now()) }],
  );
  metrics.gaugeAtScrape(
    {
      name: 'relais_mailbox_unseen_messages',
      help: 'Unseen messages the last read of the crisis mailbox found (0 before a first read)',
    },
    async () => [{ value: mailbox.unseenAtLastRead ?? 0 }],
  );
}

export default fp(metricsPlugin, { name: 'relais-metrics' });
