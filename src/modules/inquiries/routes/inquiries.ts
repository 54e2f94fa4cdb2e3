import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendTable } from '../../../platform/exports/send.js';
import { problemResponses } from '../../../platform/http/validation.js';
import {
  IdempotencyHeaders,
  InquiryDetail,
  InquiryListQuery,
  InquiryPage,
  InquirySummary,
  NewInquiry,
  RefParams,
  SimilarInquiry,
  SimilarQuery,
} from '../contract.js';
import { createInquiry } from '../create-inquiry.js';
import { findInquiries } from '../find-inquiries.js';
import { inquiriesExport } from '../inquiry-export.js';
import { presentCreated, readInquiry } from '../inquiry-view.js';
import { findSimilarInquiries } from '../linking.js';
import { callerOf } from './caller.js';
import { inquiryProblems } from './responses.js';

/** Logging an inquiry, finding inquiries (as a page or a file), reading one, and finding look-alikes. */
export const inquiriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Log an inquiry (a call, a mail, a fund’s question)',
        description:
          'A fund’s token always creates an inquiry of channel `partner` for its own fund. Send an `Idempotency-Key` to make retries safe: the same request with the same key again answers 200 with the inquiry the first request created (a read, audited as one); another request with a key already used answers 422 `inquiries.idempotency_key_reused`.',
        headers: IdempotencyHeaders,
        body: NewInquiry,
        response: {
          200: InquirySummary,
          201: InquirySummary,
          ...problemResponses(422),
          ...inquiryProblems,
        },
      },
      config: { access: 'inquiries.create' },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const key = request.headers['idempotency-key'] ?? null;
      const created = await createInquiry(app.db, caller, request.body, key);
      const summary = await presentCreated(app.db, caller, created);
      reply.code(created.isReplay ? 200 : 201).header('location', `/api/v1/inquiries/${summary.ref}`);
      return summary;
    },
  );

  app.get(
    '',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Find inquiries (reference, NISS, enterprise number, name or words of the question)',
        description:
          'A page of JSON; with `format=csv` or `format=xlsx`, every matching inquiry as a file to download (masked as in the list, audited).',
        querystring: InquiryListQuery,
        response: { 200: InquiryPage, ...inquiryProblems },
      },
      config: { access: 'inquiries.read' },
    },
    async (request, reply) => {
      const { format } = request.query;
      if (!format) return findInquiries(app.db, callerOf(request), request.query);
      const table = await inquiriesExport(app.db, callerOf(request), request.query, request.language);
      return sendTable(reply, format, table);
    },
  );

  app.get(
    '/:ref',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'One inquiry with its thread (personal data in full for roles that need it, audited)',
        params: RefParams,
        response: { 200: InquiryDetail, ...inquiryProblems },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => readInquiry(app.db, callerOf(request), request.params.ref),
  );

  app.get(
    '/similar',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Open inquiries that look like this question (to link them and answer once)',
        querystring: SimilarQuery,
        response: { 200: Type.Array(SimilarInquiry), ...inquiryProblems },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => {
      const { question, theme, exclude, limit } = request.query;
      return findSimilarInquiries(app.db, callerOf(request), {
        question,
        ...(theme && { theme }),
        ...(exclude && { exclude }),
        limit: limit ?? 5,
      });
    },
  );
};
