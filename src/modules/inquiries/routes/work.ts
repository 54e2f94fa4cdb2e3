import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { answerFromFaq } from '../answer-from-faq.js';
import { claimInquiry, reassignInquiries } from '../assignment.js';
import {
  AnswerFromFaq,
  Closing,
  CreatedId,
  Escalation,
  Link,
  Linked,
  NewFlag,
  NewMessage,
  Reassigned,
  Reassignment,
  RefParams,
} from '../contract.js';
import { escalateInquiry } from '../escalate.js';
import { addFlag } from '../flags.js';
import { linkInquiry } from '../linking.js';
import { closeInquiry, postMessage } from '../thread.js';
import { callerOf } from './caller.js';
import { inquiryProblems } from './responses.js';
import { inquiryStep } from './step.js';

/**
 * Work on an inquiry: answering from the FAQ, escalating, flagging, closing, the thread, taking it
 * from a queue or handing it on, and linking it to the one whose answer it will get.
 */
export const workRoutes: FastifyPluginAsyncTypebox = async (app) => {
  inquiryStep(
    app,
    'answer-from-faq',
    {
      summary: 'Answer with an FAQ entry (records entry and version; closes the call unless keep_open)',
      access: 'inquiries.work',
      body: AnswerFromFaq,
    },
    (caller, ref, { entry_ref, note, keep_open }) =>
      answerFromFaq(app.db, caller, ref, {
        entryRef: entry_ref,
        ...(note !== undefined && { note }),
        ...(keep_open !== undefined && { keepOpen: keep_open }),
      }),
  );
  inquiryStep(
    app,
    'escalate',
    { summary: 'Send to an expert team’s queue with a note', access: 'inquiries.work', body: Escalation },
    (caller, ref, body) => escalateInquiry(app.db, caller, ref, body),
  );
  inquiryStep(
    app,
    'flags',
    {
      summary: 'Record a flag (coverage problem, referral to the moral-support line, …)',
      access: 'inquiries.work',
      body: NewFlag,
    },
    (caller, ref, { kind, note }) =>
      addFlag(app.db, caller, ref, { kind, ...(note !== undefined && { note }) }),
  );
  inquiryStep(
    app,
    'close',
    { summary: 'Close the inquiry', access: 'inquiries.work', body: Closing },
    (caller, ref, body) => closeInquiry(app.db, caller, ref, body.note),
  );
  inquiryStep(
    app,
    'claim',
    { summary: 'Take an inquiry from my team’s queue', access: 'inquiries.work' },
    (caller, ref) => claimInquiry(app.db, caller, ref),
  );

  app.post(
    '/:ref/messages',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Add to the thread (incoming, outgoing, internal note); refused on a closed inquiry',
        params: RefParams,
        body: NewMessage,
        response: { 201: CreatedId, ...inquiryProblems },
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
    '/reassign',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Hand inquiries to a person and/or a team, all or none',
        body: Reassignment,
        response: { 200: Reassigned, ...inquiryProblems },
      },
      config: { access: 'inquiries.assign' },
    },
    async (request) => reassignInquiries(app.db, callerOf(request), request.body),
  );

  app.post(
    '/:ref/link',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Link to the inquiry a team is answering: this one gets the same answer',
        params: RefParams,
        body: Link,
        response: { 200: Linked, ...inquiryProblems },
      },
      config: { access: 'inquiries.work' },
    },
    async (request) => linkInquiry(app.db, callerOf(request), request.params.ref, request.body.to),
  );
};
