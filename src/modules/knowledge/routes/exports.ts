import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { IsoDate, problemResponses } from '../../../platform/http/validation.js';
import { translate } from '../../../platform/i18n/i18n.js';
import {
  countUnfinishedJobs,
  enqueueJob,
  findJob,
  type JobView,
  listJobs,
  readJobFile,
} from '../../../platform/jobs/jobs.js';
import {
  defaultExportAudience,
  EXPORT_FORMATS,
  EXPORT_LANGUAGES,
  exportAudiencesFor,
} from '../export/content.js';
import { EXPORT_JOB, type ExportRequest, type ExportSummary, exportJobHandler } from '../export/job.js';
import { Audience } from '../schemas.js';

/** How many exports one person may have waiting or running at once. */
export const MAX_UNFINISHED_EXPORTS = 3;
/** How long a finished export can be downloaded. */
const KEEP_MINUTES = 24 * 60;

const errors = problemResponses(400, 401, 403, 404, 409, 429);
const Json = Type.Unknown();
const ExportParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ExportBody = Type.Object(
  {
    as_of: Type.Optional(IsoDate),
    lang: Type.Enum([...EXPORT_LANGUAGES], { description: 'fr, nl, or both side by side' }),
    format: Type.Enum([...EXPORT_FORMATS]),
    audience: Type.Optional(Audience),
  },
  { additionalProperties: false },
);

const readerOf = (request: FastifyRequest): 'partner' | 'staff' =>
  request.identity?.roles.includes('partner') ? 'partner' : 'staff';

/** An export job as its owner follows it: where it stands, and the file once done. */
export type ExportView = {
  id: string;
  status: JobView['status'];
  asOf: string;
  lang: ExportRequest['languages'];
  format: ExportRequest['format'];
  audience: ExportRequest['audience'];
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  progress: { done: number; total: number; percent: number; phase: string | null };
  error: { code: string; message: string } | null;
  file: (ExportSummary & { url: string }) | null;
};

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
        body: ExportBody,
        response: { 202: Json, ...errors },
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
        response: { 200: Json, ...errors },
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
      schema: { tags: ['knowledge'], params: ExportParams, response: { 200: Json, ...errors } },
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
        response: { 200: Type.Unknown({ description: 'application/pdf or text/html' }), ...errors },
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
