import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { brusselsDay } from '../../platform/db/time.js';
import { sendTable } from '../../platform/exports/send.js';
import { problemResponses } from '../../platform/http/validation.js';
import { agreementRoutes } from './agreement-routes.js';
import { allowanceAndCrisisRoutes } from './allowance-crisis-routes.js';
import {
  LiveFigures,
  LiveQuery,
  StatisticsQuery,
  StatisticsReport,
  StatOrganisation,
  StatOrganisationList,
  StatOrganisationParams,
  StatTargetChange,
} from './contract.js';
import { liveFigures, liveFiguresExport } from './live-figures.js';
import { plannedPlacesOn } from './presence-repository.js';
import { presenceRoutes } from './presence-routes.js';
import { staffingRoutes } from './staffing-routes.js';
import {
  listOrganisationsWithStatistics,
  setStatisticsTarget,
  statisticsExport,
  statisticsReport,
} from './statistics.js';

const errors = problemResponses(400, 401, 403, 404);
const tags = ['telework'];

/** The telework API, mounted at /api/v1/telework. */
export const teleworkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(agreementRoutes);
  await app.register(presenceRoutes);
  await app.register(staffingRoutes);
  await app.register(allowanceAndCrisisRoutes);
  app.get(
    '/live',
    {
      schema: {
        tags,
        summary:
          'Who teleworks fully, partly or not at all on a day, and who is at home, per unit (HR, management)',
        description:
          'From the agreements in force, the crisis measures and the week plans of the day (default today). With `format=csv` or `format=xlsx`, the figures per unit as a file, the total last.',
        querystring: LiveQuery,
        response: { 200: LiveFigures, ...errors },
      },
      config: { access: 'telework.statistics' },
    },
    async (request, reply) => {
      const { date, format, lang } = request.query;
      const language = lang ?? request.language;
      const figures = await liveFigures(app.db, date ?? brusselsDay(), language, (day) =>
        plannedPlacesOn(app.db, day),
      );
      return format ? sendTable(reply, format, liveFiguresExport(figures, language)) : figures;
    },
  );

  app.get(
    '/statistics/organisations',
    {
      schema: {
        tags,
        summary: 'The organisations with imported telework statistics (HR, management)',
        response: { 200: StatOrganisationList, ...errors },
      },
      config: { access: 'telework.statistics' },
    },
    async () => ({ items: await listOrganisationsWithStatistics(app.db) }),
  );

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary: "An organisation's yearly telework report (HR, management)",
        description:
          'Headcount, teleworkers, structural and occasional, and structural teleworkers by days a week, on one day of each year from `from` to `to` (`at`, MM-DD, default 31 December). With `format=csv` or `format=xlsx`, the report laid out like an answer to parliament (years as columns) as a file to download.',
        querystring: StatisticsQuery,
        response: { 200: StatisticsReport, ...errors },
      },
      config: { access: 'telework.statistics' },
    },
    async (request, reply) => {
      const { org, from, to, at, format, lang } = request.query;
      const report = await statisticsReport(app.db, org, { from, to, at });
      return format ? sendTable(reply, format, statisticsExport(report, lang ?? request.language)) : report;
    },
  );

  app.put(
    '/statistics/organisations/:org/target',
    {
      schema: {
        tags,
        summary: 'Set or clear the target share of staff teleworking shown on the chart (HR, management)',
        params: StatOrganisationParams,
        body: StatTargetChange,
        response: { 200: StatOrganisation, ...errors },
      },
      config: { access: 'telework.statistics' },
    },
    async (request) => setStatisticsTarget(app.db, request.actor, request.params.org, request.body.targetPct),
  );
};
