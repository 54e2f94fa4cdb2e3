import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../db/unavailable.js';
import { AppError, type FieldError } from '../errors.js';
import { type Language, languageFromHeader, translate } from '../i18n/i18n.js';
import type { ProblemSchema } from './contract.js';
import { fieldErrorsFromAjv } from './validation.js';

/** RFC 9457 problem document, with Relais' stable `code` and per-field `errors`; extra members are its message's parameters. */
export type Problem = Static<typeof ProblemSchema> & { [extra: string]: unknown };

// Fastify's own 4xx errors, mapped to stable Relais codes (the default handler would echo their text).
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'http.invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'http.invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'http.payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'http.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'http.bad_request',
  FST_ERR_CTP_INVALID_TYPE: 'http.unsupported_media_type',
  FST_ERR_BAD_URL: 'http.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'http.uri_too_long',
};

// A sentence saying what to change, where the title alone leaves the caller guessing; other
// framework errors get no `detail` (their title says it all).
const FASTIFY_HINTS: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'http.hint.empty_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'http.hint.json_syntax',
};

const STATUS_CODES: Record<number, string> = {
  400: 'http.bad_request',
  401: 'http.unauthorized',
  403: 'http.forbidden',
  404: 'http.not_found',
  405: 'http.method_not_allowed',
  413: 'http.payload_too_large',
  414: 'http.uri_too_long',
  415: 'http.unsupported_media_type',
  429: 'http.rate_limited',
};

/** Errors listed in a problem document, and of those, repeated in its `detail` sentence. */
export const MAX_REPORTED_ERRORS = 50;
const MAX_DETAIL_ERRORS = 10;
// A field is named after the caller's keys, an instance after the caller's path: both clipped.
const MAX_FIELD_LENGTH = 120;
const MAX_INSTANCE_LENGTH = 512;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function buildProblem(
  request: FastifyRequest,
  code: string,
  status: number,
  params: Record<string, unknown> = {},
  fieldErrors: FieldError[] = [],
): Problem {
  const language = request.language;
  const problem: Problem = {
    type: `urn:relais:problem:${code}`,
    title: translate(language, code, params),
    status,
    code,
    instance: clip(request.url.split('?')[0] ?? '', MAX_INSTANCE_LENGTH),
  };
  if (fieldErrors.length > 0) {
    // Bounded: a body within the limits can still break every rule of a wide schema at once, and
    // the answer must stay small. The first errors say what to fix; `omittedErrors` counts the rest.
    problem.errors = fieldErrors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({
      field: clip(e.field, MAX_FIELD_LENGTH),
      code: e.code,
      message: translate(language, e.code, e.params),
    }));
    const inDetail = problem.errors.slice(0, MAX_DETAIL_ERRORS);
    const notInDetail = fieldErrors.length - inDetail.length;
    problem.detail = [
      ...inDetail.map((e) => `${e.field}: ${e.message}`),
      ...(notInDetail > 0 ? [translate(language, 'input.more_errors', { count: notInDetail })] : []),
    ].join(' ');
    if (fieldErrors.length > problem.errors.length)
      problem.omittedErrors = fieldErrors.length - problem.errors.length;
  }
  for (const [key, value] of Object.entries(params)) {
    if (!(key in problem)) problem[key] = value;
  }
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  // A refusal that time lifts says when (RFC 9110 §10.2.3): a 429 or 503 carrying `retryAfter`.
  if (typeof problem.retryAfter === 'number' && !reply.hasHeader('retry-after'))
    reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/**
 * The one error handler: AppError and validation become problems, a database out of reach a 503
 * with Retry-After; anything else is a logged, bare 500.
 */
export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    return sendProblem(
      reply,
      buildProblem(request, error.code, error.status, error.params, error.fieldErrors),
    );
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const fieldErrors = fieldErrorsFromAjv(fastifyError.validation, fastifyError.validationContext ?? 'body');
    return sendProblem(reply, buildProblem(request, 'validation.failed', 400, {}, fieldErrors));
  }
  if (isDatabaseUnavailable(error)) {
    // Not the caller's fault nor a bug: the database restarts or fails over. An unfinished
    // transaction dies with its connection, so sending the request again is safe (with an
    // Idempotency-Key where the route takes one: a commit whose answer was lost is then found).
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendProblem(reply, buildProblem(request, 'http.database_unavailable', 503));
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code =
      (fastifyError.code && FASTIFY_CODES[fastifyError.code]) ?? STATUS_CODES[status] ?? 'http.bad_request';
    // Never the framework's own message: it may quote internals (a parser's text, a path).
    const params = code === 'http.payload_too_large' ? { limit: request.server.initialConfig.bodyLimit } : {};
    const problem = buildProblem(request, code, status, params);
    const hint = fastifyError.code && FASTIFY_HINTS[fastifyError.code];
    if (hint) problem.detail = translate(request.language, hint);
    return sendProblem(reply, problem);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, buildProblem(request, 'http.internal', 500, { requestId: request.id }));
}

/**
 * Fastify's routing errors (a broken %-encoding in the path, a path parameter over maxParamLength)
 * happen before any hook and skip the error handler; this gives them the same problem documents.
 */
export function frameworkErrorHandler(defaultLanguage: Language) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // The request-auth hook that picks the language has not run for these requests.
    request.language = languageFromHeader(request.headers['accept-language']) ?? defaultLanguage;
    return handleError(error, request, reply);
  };
}
