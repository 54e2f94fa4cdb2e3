import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RetentionRuns, RetentionRunView } from '../contract.js';
import { listRetentionRuns } from '../repository/retention.js';
import {
  anonymiseClosedInquiries,
  RETENTION_JOB,
  retentionCutoff,
  retentionJobHandler,
  scheduleRetention,
} from '../retention.js';
import { inquiryProblems } from './responses.js';

/**
 * The retention of closed inquiries: a daily job anonymises those older than the retention period;
 * an admin reads what each run did and may run it at once.
 */
export const retentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const retentionDays = app.config.RELAIS_INQUIRY_RETENTION_DAYS;
  app.jobs.register(RETENTION_JOB, retentionJobHandler(app.db, retentionDays));
  app.addHook('onListen', async () => {
    await scheduleRetention(app.db).catch((error) =>
      app.log.error({ err: error }, 'inquiries: retention not scheduled'),
    );
  });

  app.get(
    '/retention-runs',
    {
      schema: {
        tags: ['inquiries'],
        summary:
          'What the retention job anonymised, run by run (closed inquiries older than the retention period)',
        response: { 200: RetentionRuns, ...inquiryProblems },
      },
      config: { access: 'inquiries.retention' },
    },
    async () => ({ retention_days: retentionDays, runs: await listRetentionRuns(app.db) }),
  );

  app.post(
    '/retention-runs',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Run the retention now (it also runs every day)',
        response: { 201: RetentionRunView, ...inquiryProblems },
      },
      config: { access: 'inquiries.retention' },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await anonymiseClosedInquiries(app.db, request.actor, retentionCutoff(retentionDays))),
  );
};
