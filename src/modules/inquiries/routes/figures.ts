import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { sendTable } from '../../../platform/exports/send.js';
import { FiguresQuery, InquiryFiguresView, MAX_FIGURES_DAYS } from '../contract.js';
import { daysBefore, inquiryFigures } from '../figures.js';
import { sendFiguresTable } from '../figures-export.js';
import { inquiryProblems } from './responses.js';

/** Management's figures: how many inquiries came in (by origin, channel, theme, status, language, team, day), the teams' backlog, how fast they were answered, how often each team kept its service level, the callbacks done and pending. */
export const figureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/figures',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'How many inquiries came in over a period of Brussels days (30 days to today by default)',
        description: `By origin, channel, FAQ theme, status now, language and team (with its backlog: those still open), and day by day; at most ${MAX_FIGURES_DAYS} days. Also the time to first answer and to closure (median, 90th percentile), per team service-level attainment, and the callbacks asked for (done, pending, overdue, given up). With \`format=csv\` or \`format=xlsx\`, one table as a file: the days (a day per row, by origin, by default), or with \`table\` the teams' service levels and times, a breakdown (origins, channels, themes, statuses), the backlog per team, the response times or the callbacks.`,
        querystring: FiguresQuery,
        response: { 200: InquiryFiguresView, ...inquiryProblems },
      },
      config: { access: 'inquiries.figures' },
    },
    async (request, reply) => {
      const to = request.query.to ?? brusselsDay();
      const from = request.query.from ?? daysBefore(to, 29);
      const figures = await inquiryFigures(app.db, from, to);
      const { format, table } = request.query;
      if (!format) return figures;
      return sendFiguresTable(figures, table ?? 'days', request.language, (file) =>
        sendTable(reply, format, file),
      );
    },
  );
};
