import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendTable } from '../../platform/exports/send.js';
import { problemResponses } from '../../platform/http/validation.js';
import { RecoveryCollect, RecoveryList, RecoveryResult } from './contract/recovery-contract.js';
import { FileQuery, HomeReport, StockReport } from './contract/stock-contract.js';
import { homeExport, homeReport } from './home-report.js';
import { collectRecovered, recoveryList } from './recovery.js';
import { stockExport, stockReport } from './stock-report.js';

const reads = problemResponses(400, 401, 403, 404);
const writes = problemResponses(400, 401, 403, 404, 409);
const tags = ['equipment'];

/** Stock per type and site, who has what at home, and the equipment recovered from blocked desks. */
export const stockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stock',
    {
      schema: {
        tags,
        summary: 'Units in stock per type and site, against the low-stock thresholds (ICT, management)',
        description: 'With `format=csv` or `format=xlsx`, the table per type and site as a file.',
        querystring: FileQuery,
        response: { 200: StockReport, ...reads },
      },
      config: { access: 'equipment.reports' },
    },
    async (request, reply) => {
      const report = await stockReport(app.db);
      const { format, lang } = request.query;
      return format ? sendTable(reply, format, stockExport(report, lang ?? request.language)) : report;
    },
  );

  app.get(
    '/home-report',
    {
      schema: {
        tags,
        summary:
          'Who has what at home: each unit at a person’s home, with the person and their unit (ICT, management)',
        description: 'Names people: every read is audited. With `format=csv` or `format=xlsx`, as a file.',
        querystring: FileQuery,
        response: { 200: HomeReport, ...reads },
      },
      config: { access: 'equipment.reports' },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const report = await homeReport(app.db, request.actor, format);
      return format ? sendTable(reply, format, homeExport(report, lang ?? request.language)) : report;
    },
  );

  app.get(
    '/recovery',
    {
      schema: {
        tags,
        summary: 'The desks blocked for distancing, with the units registered on them, to collect (ICT)',
        response: { 200: RecoveryList, ...reads },
      },
      config: { access: 'equipment.manage' },
    },
    async () => recoveryList(app.db),
  );

  app.post(
    '/recovery/collect',
    {
      schema: {
        tags,
        summary:
          'Units collected from their desks go back to a site’s stock room, with a `recovered` move (ICT)',
        description: 'All or nothing: a tag unknown or not on a desk is named (`tags.2`) and nothing moves.',
        body: RecoveryCollect,
        response: { 200: RecoveryResult, ...writes },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => collectRecovered(app.db, request.actor, request.body),
  );
};
