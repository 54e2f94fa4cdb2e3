import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can } from '../../platform/auth/permissions.js';
import { AppError } from '../../platform/errors.js';
import { ProblemSchema } from '../../platform/http/validation.js';
import type { InquiryCaller } from './caller.js';
import { createInquiry } from './create-inquiry.js';
import { findInquiries } from './find-inquiries.js';
import { loadViewContext, readInquiry, toSummary } from './inquiry-view.js';
import { InquiryDetail, InquiryListQuery, InquiryRef, InquirySummary, NewInquiry } from './schemas.js';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const RefParams = Type.Object({ ref: InquiryRef });
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' }),
  ),
});

function callerOf(request: FastifyRequest): InquiryCaller {
  const identity = request.identity;
  if (!identity) throw new AppError('http.unauthorized', 401);
  const isPartner = identity.roles.includes('partner');
  if (isPartner && !identity.partnerId) throw new AppError('http.forbidden', 403);
  return {
    actor: request.actor,
    partnerId: isPartner ? identity.partnerId : null,
    seesPersonalData: can(identity.roles, 'inquiries.personal_data.read'),
  };
}

/** Inquiries: questions from every channel, their thread, escalation and answer. */
export const inquiryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Log an inquiry (a call, a mail, a fund’s question)',
        description:
          'A fund’s token always creates an inquiry of channel `partner` for its own fund. Send an `Idempotency-Key` to make retries safe: the same key again answers 200 with the inquiry the first request created.',
        headers: IdempotencyHeaders,
        body: NewInquiry,
        response: { 200: InquirySummary, 201: InquirySummary, ...errors },
      },
      config: { access: 'inquiries.create' },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const key = request.headers['idempotency-key'] ?? null;
      const { row, isReplay } = await createInquiry(app.db, caller, request.body, key);
      const context = await loadViewContext(app.db, [row]);
      reply.code(isReplay ? 200 : 201).header('location', `/api/v1/inquiries/${row.ref}`);
      return toSummary(row, context, caller.seesPersonalData || caller.partnerId !== null);
    },
  );

  app.get(
    '',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Find inquiries (reference, NISS, enterprise number, name or words of the question)',
        querystring: InquiryListQuery,
        response: {
          200: Type.Object({ items: Type.Array(InquirySummary), total: Type.Integer() }),
          ...errors,
        },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => findInquiries(app.db, callerOf(request), request.query),
  );

  app.get(
    '/:ref',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'One inquiry with its thread (personal data in full for roles that need it, audited)',
        params: RefParams,
        response: { 200: InquiryDetail, ...errors },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => readInquiry(app.db, callerOf(request), request.params.ref),
  );
};
