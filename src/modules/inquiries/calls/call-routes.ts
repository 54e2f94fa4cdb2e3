import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import { sendTable } from '../../../platform/exports/send.js';
import { handleError } from '../../../platform/http/problem.js';
import { problemResponses } from '../../../platform/http/validation.js';
import {
  CALL_BATCH_MAX,
  CallBatch,
  CallBatchResult,
  CallLink,
  CallLinkView,
  CallStatsQuery,
  CallStatsView,
  RefParams,
} from '../contract.js';
import { callerOf } from '../routes/caller.js';
import { callStatsExport } from './call-export.js';
import { callStats } from './call-stats.js';
import { linkCallToInquiry } from './link-call.js';
import { pushCalls } from './store-calls.js';

// A full batch is about 1 MB (some 190 bytes a record); 5 MB leaves room for long ids and
// pretty-printed JSON, and stops a batch of 100,000 records before it is read whole.
const BATCH_BODY_BYTES = 5 * 1024 * 1024;
// A record is an object of 7 members: 8 values, and the list itself.
const BATCH_SHAPE = { maxWidth: CALL_BATCH_MAX, maxValues: CALL_BATCH_MAX * 8 + 16 };
const TOO_BIG = new Set(['FST_ERR_CTP_BODY_TOO_LARGE']);
const TOO_WIDE = new Set(['input.body_too_wide', 'input.body_too_many_values']);

/** A batch too big to read is refused as what it is: too many records, naming `records`. */
function batchErrorHandler(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const isTooBig =
    (error instanceof AppError && TOO_WIDE.has(error.code)) ||
    TOO_BIG.has((error as FastifyError).code ?? '');
  if (!isTooBig) return handleError(error, request, reply);
  const params = { max: CALL_BATCH_MAX };
  return handleError(
    new AppError('inquiries.calls.batch_too_large', 413, params, [
      { field: 'records', code: 'validation.maxItems', params: { limit: CALL_BATCH_MAX } },
    ]),
    request,
    reply,
  );
}

/**
 * The telephony's call records (push, under /api/v1/calls), the call center's figures
 * (/api/v1/stats/calls) and the console's link from an inquiry to its call.
 */
export const callRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/calls',
    {
      bodyLimit: BATCH_BODY_BYTES,
      errorHandler: batchErrorHandler,
      schema: {
        tags: ['calls'],
        summary: `The telephony pushes call-detail records, at most ${CALL_BATCH_MAX} a batch`,
        description:
          'Idempotent by `call_id`: a record already known is counted in `already_known` and never stored twice, so a batch may be sent again after a lost answer. A batch with one bad record is refused whole, each bad record named (`records.12.answered_at`); a batch over the limit is refused with 413 naming `records`.',
        body: CallBatch,
        response: { 200: CallBatchResult, ...problemResponses(400, 401, 403, 413) },
      },
      config: { access: 'calls.push', bodyLimits: BATCH_SHAPE },
    },
    async (request) => pushCalls(app.db, request.actor, request.body.records),
  );

  app.get(
    '/stats/calls',
    {
      schema: {
        tags: ['calls'],
        summary:
          'The call center’s figures over a period of Brussels days (the latest call’s year by default)',
        description: `Calls received, answered and abandoned, the wait before an answer (mean, 90th percentile) and the service level (share of the calls received answered within RELAIS_CALLS_SERVICE_LEVEL_SECONDS), in all and per \`day\` (every day of the period), \`hour\` (Brussels time), \`line\` or \`language\`. With \`format=csv\` or \`format=xlsx\`, the rows as a file.`,
        querystring: CallStatsQuery,
        response: { 200: CallStatsView, ...problemResponses(400, 401, 403) },
      },
      config: { access: 'calls.stats' },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const stats = await callStats(app.db, query, app.config.RELAIS_CALLS_SERVICE_LEVEL_SECONDS);
      if (!format) return stats;
      return sendTable(reply, format, callStatsExport(stats, request.language));
    },
  );

  app.post(
    '/inquiries/:ref/call',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Name the call an inquiry was logged for (the call id the telephony shows)',
        description:
          'The record then points at the inquiry. Only an answered call, to a phone inquiry, and to one inquiry: `inquiries.calls.call_not_found` (404), `inquiries.calls.not_answered`, `inquiries.calls.not_a_phone_inquiry`, `inquiries.calls.linked_elsewhere` (409). Naming the same call again changes nothing.',
        params: RefParams,
        body: CallLink,
        response: { 200: CallLinkView, ...problemResponses(400, 401, 403, 404, 409) },
      },
      config: { access: 'inquiries.work' },
    },
    async (request) => linkCallToInquiry(app.db, callerOf(request), request.params.ref, request.body.call_id),
  );
};
