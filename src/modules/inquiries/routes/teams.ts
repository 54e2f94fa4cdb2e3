import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { TeamView } from '../contract.js';
import { listTeamsFor } from '../teams.js';
import { callerOf } from './caller.js';
import { inquiryProblems } from './responses.js';

/** The expert teams, for the screens that send inquiries to them and open their queues. */
export const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/teams',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'Expert teams, their service levels, and which of them the caller belongs to',
        response: { 200: Type.Array(TeamView), ...inquiryProblems },
      },
      config: { access: 'inquiries.read' },
    },
    async (request) => listTeamsFor(app.db, callerOf(request).actor.id),
  );
};
