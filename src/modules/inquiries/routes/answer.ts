import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerInquiry } from '../answer.js';
import { ExpertAnswer, FaqDraftProposed, FaqProposal, RefParams } from '../contract.js';
import { proposeAsFaq } from '../propose-faq.js';
import { callerOf } from './caller.js';
import { inquiryProblems } from './responses.js';
import { inquiryStep } from './step.js';

/** The expert's answer and how it reaches the person, and the answer proposed as an FAQ draft. */
export const answerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  inquiryStep(
    app,
    'answer',
    {
      summary: 'The expert’s answer, and how it reaches the person (callback, mail, letter)',
      access: 'inquiries.work',
      body: ExpertAnswer,
    },
    (caller, ref, body) => answerInquiry(app.db, caller, ref, body),
  );

  app.post(
    '/:ref/propose-faq',
    {
      schema: {
        tags: ['inquiries'],
        summary:
          'Propose the answer as an FAQ entry (a draft in the knowledge review flow, linked to the inquiry)',
        params: RefParams,
        body: FaqProposal,
        response: { 201: FaqDraftProposed, ...inquiryProblems },
      },
      config: { access: 'inquiries.propose_faq' },
    },
    async (request, reply) => {
      const proposal = await proposeAsFaq(app.db, callerOf(request), request.params.ref, request.body);
      return reply.code(201).send(proposal);
    },
  );
};
