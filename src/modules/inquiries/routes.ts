import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can } from '../../platform/auth/permissions.js';
import { AppError } from '../../platform/errors.js';
import { ProblemSchema } from '../../platform/http/validation.js';
import { answerFromFaq } from './answer-from-faq.js';
import type { InquiryCaller } from './caller.js';
import { createInquiry } from './create-inquiry.js';
import { escalateInquiry } from './escalate.js';
import { findInquiries } from './find-inquiries.js';
import { addFlag } from './flags.js';
import { loadViewContext, readInquiry, toSummary } from './inquiry-view.js';
import {
  AnswerFromFaq,
  Closing,
  Escalation,
  InquiryDetail,
  InquiryListQuery,
  InquiryRef,
  InquirySummary,
  NewFlag,
  NewInquiry,
  NewMessage,
  TeamView,
} from './schemas.js';
import { listTeams } from './teams.js';
import { closeInquiry, postMessage } from './thread.js';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const Done = { 204: Type.Null(), ...errors };
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

  app.get(
    '/teams',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Expert teams and their service levels',
        response: { 200: Type.Array(TeamView), ...errors },
      },
      config: { access: 'inquiries.read' },
    },
    async () =>
      (await listTeams(app.db)).map((t) => ({
        code: t.code,
        name_fr: t.name_fr,
        name_nl: t.name_nl,
        first_answer_minutes: t.first_answer_minutes,
        resolution_minutes: t.resolution_minutes,
      })),
  );

  app.post(
    '/:ref/answer-from-faq',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Answer with an FAQ entry (records entry and version; closes the call unless keep_open)',
        params: RefParams,
        body: AnswerFromFaq,
        response: Done,
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const { entry_ref, note, keep_open } = request.body;
      await answerFromFaq(app.db, callerOf(request), request.params.ref, {
        entryRef: entry_ref,
        ...(note !== undefined && { note }),
        ...(keep_open !== undefined && { keepOpen: keep_open }),
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:ref/escalate',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Send to an expert team’s queue with a note',
        params: RefParams,
        body: Escalation,
        response: Done,
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      await escalateInquiry(app.db, callerOf(request), request.params.ref, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:ref/messages',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Add to the thread (incoming, outgoing, internal note); refused on a closed inquiry',
        params: RefParams,
        body: NewMessage,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const { kind, body, via } = request.body;
      const id = await postMessage(app.db, callerOf(request), request.params.ref, {
        kind,
        body,
        ...(via && { via }),
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/:ref/flags',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Record a flag (coverage problem, referral to the moral-support line, …)',
        params: RefParams,
        body: NewFlag,
        response: Done,
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const { kind, note } = request.body;
      await addFlag(app.db, callerOf(request), request.params.ref, {
        kind,
        ...(note !== undefined && { note }),
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:ref/close',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Close the inquiry',
        params: RefParams,
        body: Closing,
        response: Done,
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      await closeInquiry(app.db, callerOf(request), request.params.ref, request.body.note);
      return reply.code(204).send(null);
    },
  );
};
