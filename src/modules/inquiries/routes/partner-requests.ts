import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CreatedId,
  IdParams,
  PartnerAnswer,
  PartnerQuestion,
  PartnerRequestPage,
  PartnerRequestQuery,
  RefParams,
} from '../contract.js';
import { answerPartnerRequest, askPartner, listPartnerRequests } from '../partner-requests.js';
import { callerOf } from './caller.js';
import { Done, inquiryProblems } from './responses.js';

/** Requests to partner funds: an expert asks, the fund reads its own and answers in its portal or by API. */
export const partnerRequestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/:ref/partner-requests',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Ask a fund for information (the inquiry waits on the fund)',
        params: RefParams,
        body: PartnerQuestion,
        response: { 201: CreatedId, ...inquiryProblems },
      },
      config: { access: 'inquiries.work' },
    },
    async (request, reply) => {
      const id = await askPartner(app.db, callerOf(request), request.params.ref, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/partner-requests',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Requests to funds (a fund sees only its own)',
        querystring: PartnerRequestQuery,
        response: { 200: PartnerRequestPage, ...inquiryProblems },
      },
      config: { access: 'inquiries.partner_requests.read' },
    },
    async (request) => {
      const { status, limit, offset } = request.query;
      return listPartnerRequests(app.db, callerOf(request), {
        ...(status && { status }),
        limit: limit ?? 50,
        offset: offset ?? 0,
      });
    },
  );

  app.post(
    '/partner-requests/:id/answer',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'The fund answers a request (the inquiry goes back to the expert)',
        params: IdParams,
        body: PartnerAnswer,
        response: Done,
      },
      config: { access: 'inquiries.partner_requests.answer' },
    },
    async (request, reply) => {
      await answerPartnerRequest(app.db, callerOf(request), request.params.id, request.body.answer);
      return reply.code(204).send(null);
    },
  );
};
