import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { sendTable } from '../../../platform/exports/send.js';
import { FiguresQuery, InquiryFiguresView, MAX_FIGURES_DAYS } from '../contract.js';
import { daysBefore, inquiryFigures } from '../figures.js';
import { figuresExport, teamFiguresExport } from '../inquiry-export.js';
import { inquiryProblems } from './responses.js';

/** Management's figures: how many inquiries came in (by origin, channel, status, language, team, day), how fast they were answered, how often each team kept its service level. */
export const figureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/figures',
    {
      schema: {
        tags: ['inquiries'],
        summary: 'How many inquiries came in over a period of Brussels days (30 days to today by default)',
        description: `By origin, channel, status now, language and team, and day by day; at most ${MAX_FIGURES_DAYS} days. Also the time to first answer and to closure (median, 90th percentile) and, per team, service-level attainment. With \`format=csv\` or \`format=xlsx\`, the days as a file (a day per row, by origin), or with \`table=teams\` the teams' service levels and times (a team per row).`,
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
      return table === 'teams'
        ? sendTable(reply, format, teamFiguresExport(figures, request.language))
        : sendTable(reply, format, figuresExport(figures, request.language));
    },
  );
};
