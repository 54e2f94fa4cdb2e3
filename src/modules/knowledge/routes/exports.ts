import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { brusselsDay } from '../../../platform/db/time.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { nonJsonAnswer } from '../../../platform/http/typed-answers.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { translate } from '../../../platform/i18n/i18n.js';
import {
  countUnfinishedJobs,
  enqueueJob,
  findJob,
  type JobView,
  listJobs,
  readJobFile,
} from '../../../platform/jobs/jobs.js';
import { ExportParams, ExportRequestBody, ExportView, Items } from '../contract.js';
import { defaultExportAudience, exportAudiencesFor } from '../export/content.js';
import { EXPORT_JOB, type ExportRequest, type ExportSummary, exportJobHandler } from '../export/job.js';

/** How many exports one person may have waiting or running at once. */
export const MAX_UNFINISHED_EXPORTS = 3;
/** How long a finished export can be downloaded. */
const KEEP_MINUTES = 24 * 60;

const errors = problemResponses(400, 401, 403, 404, 409, 429);

const readerOf = (request: FastifyRequest): 'partner' | 'staff' =>
  request.identity?.roles.includes('partner') ? 'partner' : 'staff';

/** The printable FAQ: exports run as background jobs; their owner follows them and downloads the file. */
export const knowledgeExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register(EXPORT_JOB, exportJobHandler(app.db));
  const exportsPath = `${app.prefix}/exports`;

  const toView = (job: JobView<ExportRequest, ExportSummary>, request: FastifyRequest): ExportView => {
    const { done, total, message } = job.progress;
    const percent =
      job.status === 'done' ? 100 : total > 0 ? Math.min(99, Math.floor((done * 100) / total)) : 0;
    return {
      id: job.id,
      status: job.status,
      asOf: job.payload.asOf,
      lang: job.payload.languages,
      format: job.payload.format,
      audience: job.payload.audience,
      createdAt: job.createdAt,
      finishedAt: job.finishedAt,
      expiresAt: job.expiresAt,
      progress: { done, total, percent, phase: message },
      error: job.errorCode
        ? { code: job.errorCode, message: translate(request.language, job.errorCode) }
        : null,
      file:
        job.status === 'done' && job.result ? { ...job.result, url: `${exportsPath}/${job.id}/file` } : null,
    };
  };

  // Someone else's export is as good as missing: its existence says nothing to them.
  const ownJob = async (request: FastifyRequest, id: string) => {
    const job = await findJob<ExportRequest, ExportSummary>(app.db, EXPORT_JOB, id);
    const isOwner = job && job.createdBy === request.identity?.id;
    if (!job || !(isOwner || request.identity?.roles.includes('admin')))
      throw notFound('knowledge.export_not_found');
    return job;
  };

  app.post(
    '/exports',
    {
      schema: {
        tags: ['knowledge'],
        description:
          'Starts an export of the FAQ as of a day (PDF or print-ready HTML); follow it at the Location.',
        body: ExportRequestBody,
        response: { 202: ExportView, ...errors },
      },
      config: { access: 'knowledge.export' },
    },
    async (request, reply) => {
      const reader = readerOf(request);
      const audience = request.body.audience ?? defaultExportAudience(reader);
      if (!exportAudiencesFor(reader).includes(audience))
        throw new AppError('knowledge.export_audience_forbidden', 403, {}, [
          { field: 'audience', code: 'knowledge.export_audience_forbidden' },
        ]);
      const personId = request.identity!.id;
      const unfinished = await countUnfinishedJobs(app.db, EXPORT_JOB, personId);
      if (unfinished >= MAX_UNFINISHED_EXPORTS)
        throw new AppError('knowledge.export_too_many', 429, { count: unfinished });
      const payload: ExportRequest = {
        asOf: request.body.as_of ?? brusselsDay(),
        languages: request.body.lang,
        format: request.body.format,
        audience,
      };
      const id = await enqueueJob(app.db, EXPORT_JOB, payload, {
        createdBy: personId,
        keepMinutes: KEEP_MINUTES,
        maxAttempts: 2,
      });
      app.jobs.wake();
      const job = (await findJob<ExportRequest, ExportSummary>(app.db, EXPORT_JOB, id))!;
      return reply.code(202).header('location', `${exportsPath}/${id}`).send(toView(job, request));
    },
  );

  app.get(
    '/exports',
    {
      schema: {
        tags: ['knowledge'],
        description: "The caller's recent exports, newest first.",
        response: { 200: Items(ExportView), ...errors },
      },
      config: { access: 'knowledge.export' },
    },
    async (request) => {
      const jobs = await listJobs<ExportRequest, ExportSummary>(app.db, EXPORT_JOB, {
        createdBy: request.identity!.id,
        limit: 10,
      });
      return { items: jobs.map((job) => toView(job, request)) };
    },
  );

  app.get(
    '/exports/:id',
    {
      schema: { tags: ['knowledge'], params: ExportParams, response: { 200: ExportView, ...errors } },
      config: { access: 'knowledge.export' },
    },
    async (request, reply) => {
      const job = await ownJob(request, request.params.id);
      reply.header('cache-control', 'no-store');
      return toView(job, request);
    },
  );

  app.get(
    '/exports/:id/file',
    {
      schema: {
        tags: ['knowledge'],
        description: 'The exported file (PDF or HTML), as an attachment.',
        params: ExportParams,
        response: {
          200: nonJsonAnswer('the exported file, as an attachment', ['application/pdf', 'text/html']),
          ...errors,
        },
      },
      config: { access: 'knowledge.export' },
    },
    async (request, reply) => {
      const job = await ownJob(request, request.params.id);
      if (job.status !== 'done') throw new AppError('knowledge.export_not_ready', 409, {});
      const file = await readJobFile(app.db, job.id);
      if (!file) throw notFound('knowledge.export_not_found');
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('content-length', file.byteSize)
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  );
};
