import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { invalid } from '../../../platform/errors.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { recordDeflection } from '../../knowledge/index.js';
import {
  PublicDeflection,
  PublicQuestion,
  PublicQuestionLimits,
  PublicQuestionReceived,
} from '../contract.js';
import { askPublicQuestion, publicFormActor, robotRef } from '../public-form/ask.js';
import { publicFormLimits } from '../public-form/limits.js';
import { readPublicQuestion } from '../public-form/question-input.js';

const errors = problemResponses(400, 413, 429, 503);

/**
 * The public question form's API, without login (the page at /faq/{fr,nl}/ask posts here too,
 * through the same function): asking a question, and saying that an FAQ entry shown while typing
 * answered it.
 */
export const publicQuestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limits = publicFormLimits({
    questions: app.config.RELAIS_PUBLIC_QUESTIONS_PER_WINDOW,
    windowMinutes: app.config.RELAIS_PUBLIC_QUESTIONS_WINDOW_MINUTES,
  });
  const window = `${app.config.RELAIS_PUBLIC_QUESTIONS_WINDOW_MINUTES} minutes`;

  app.post(
    '',
    {
      bodyLimit: PublicQuestionLimits.bodyMaxBytes,
      schema: {
        tags: ['public questions'],
        summary: 'Ask a question (the public form)',
        description: `Without login. The question becomes an inquiry of channel \`web\` and origin \`self_employed\` in the agents' list, and a confirmation mail with its reference goes to \`email\` in \`language\`. Names and questions are kept as text (HTML is taken out); NISS and enterprise number are checked as everywhere; an unknown \`fund\` or \`theme\` is refused naming the field. At most ${app.config.RELAIS_PUBLIC_QUESTIONS_PER_WINDOW || 'unlimited'} questions per address in ${window} (\`RELAIS_PUBLIC_QUESTIONS_PER_WINDOW\`), then 429 with \`Retry-After\`. \`website\` must stay empty: a request that fills it is answered as if accepted, and nothing is stored or sent.`,
        body: PublicQuestion,
        response: { 201: PublicQuestionReceived, ...errors },
      },
      config: { access: 'public', rateLimit: limits.questions },
    },
    async (request, reply) => {
      const read = readPublicQuestion(request.body);
      if (!read.ok) throw invalid(read.errors);
      const received = read.isRobot
        ? { ref: robotRef() }
        : await askPublicQuestion(
            app.db,
            publicFormActor({ ip: request.ip, requestId: request.id }),
            read.value,
          );
      return reply.code(201).send(received);
    },
  );

  app.post(
    '/deflections',
    {
      schema: {
        tags: ['public questions'],
        summary: 'Say that an FAQ entry answered the question (nothing is asked)',
        description:
          'Without login. Counted per entry, language and day for the editors (no person, no address kept); the entry must be a published public one. Limited per address to four times the questions.',
        body: PublicDeflection,
        response: { 204: Type.Null(), ...errors },
      },
      config: { access: 'public', rateLimit: limits.deflections },
    },
    async (request, reply) => {
      await recordDeflection(app.db, { ref: request.body.entry_ref, lang: request.body.language });
      return reply.code(204).send(null);
    },
  );
};
