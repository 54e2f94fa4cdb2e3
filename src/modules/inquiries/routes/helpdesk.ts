import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { can } from '../../../platform/auth/permissions.js';
import { brusselsDay } from '../../../platform/db/time.js';
import { AppError } from '../../../platform/errors.js';
import { sendTable } from '../../../platform/exports/send.js';
import type { InquiryCaller } from '../caller.js';
import {
  AssetTagParams,
  AssetTicketList,
  Closing,
  CreatedId,
  HelpdeskFiguresQuery,
  HelpdeskFiguresView,
  NewTicket,
  RefParams,
  TicketAnswer,
  TicketDetail,
  TicketListQuery,
  TicketMessage,
  TicketPage,
  TicketSummary,
} from '../contract.js';
import { helpdeskFigures } from '../helpdesk/figures.js';
import { helpdeskCategoriesExport, helpdeskMonthsExport } from '../helpdesk/figures-export.js';
import {
  answerTicket,
  claimTicket,
  createTicket,
  findTickets,
  helpdeskTicketsOfAsset,
  readTicket,
  writeOnTicket,
} from '../helpdesk/tickets.js';
import { closeInquiry } from '../thread.js';
import { Done, inquiryProblems } from './responses.js';

/**
 * Who acts on the helpdesk: ICT (helpdesk.work) works every ticket; any other member of staff
 * sees only the tickets they asked. Neither reaches the public's inquiries through here.
 */
export function helpdeskCallerOf(request: FastifyRequest): InquiryCaller {
  const identity = request.identity;
  if (!identity) throw new AppError('http.unauthorized', 401);
  const works = can(identity.roles, 'helpdesk.work');
  return {
    actor: request.actor,
    partnerId: null,
    seesPersonalData: works,
    kind: 'helpdesk',
    requesterId: works ? null : identity.id,
  };
}

const worksTickets = (request: FastifyRequest) =>
  request.identity !== null && request.identity !== undefined && can(request.identity.roles, 'helpdesk.work');

const languageOf = (request: FastifyRequest): 'fr' | 'nl' | 'en' =>
  request.language === 'nl' || request.language === 'en' ? request.language : 'fr';

const tags = ['helpdesk'];

/** The first day of the month eleven months before `to`'s: twelve months of figures. */
function twelveMonthsTo(to: string): string {
  const months = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - 11;
  return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

/** The ICT helpdesk, on the inquiries engine: tickets, their thread, ICT's work and the load's figures. */
export const helpdeskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Ask the ICT helpdesk for help (ICT: log an employee’s phone call with `employee`)',
        body: NewTicket,
        response: { 201: TicketSummary, ...inquiryProblems },
      },
      config: { access: 'helpdesk.use' },
    },
    async (request, reply) => {
      const ticket = await createTicket(app.db, helpdeskCallerOf(request), request.body, {
        language: languageOf(request),
        mayActForOthers: worksTickets(request),
      });
      return reply.code(201).header('location', `/api/v1/helpdesk/tickets/${ticket.ref}`).send(ticket);
    },
  );

  app.get(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Helpdesk tickets, newest first: my own, or (ICT) all of them, the queue and my work',
        querystring: TicketListQuery,
        response: { 200: TicketPage, ...inquiryProblems },
      },
      config: { access: 'helpdesk.use' },
    },
    async (request) => findTickets(app.db, helpdeskCallerOf(request), request.query),
  );

  app.get(
    '/assets/:tag/tickets',
    {
      schema: {
        tags,
        summary: 'The tickets that name an asset, newest first (ICT, beside the asset’s history)',
        description:
          'An unknown tag has no ticket: an empty list, not a 404 (the asset is the equipment module’s).',
        params: AssetTagParams,
        response: { 200: AssetTicketList, ...inquiryProblems },
      },
      config: { access: 'helpdesk.work' },
    },
    async (request) => ({ items: await helpdeskTicketsOfAsset(app.db, request.params.tag) }),
  );

  app.get(
    '/tickets/:ref',
    {
      schema: {
        tags,
        summary: 'One ticket with its thread',
        params: RefParams,
        response: { 200: TicketDetail, ...inquiryProblems },
      },
      config: { access: 'helpdesk.use' },
    },
    async (request) => readTicket(app.db, helpdeskCallerOf(request), request.params.ref),
  );

  app.post(
    '/tickets/:ref/messages',
    {
      schema: {
        tags,
        summary:
          'Write on a ticket (the employee: a reply, which sends an answered ticket back to the queue; ICT: also a note)',
        params: RefParams,
        body: TicketMessage,
        response: { 201: CreatedId, ...inquiryProblems },
      },
      config: { access: 'helpdesk.use' },
    },
    async (request, reply) => {
      const kind = worksTickets(request) ? (request.body.kind ?? 'incoming') : 'incoming';
      const id = await writeOnTicket(app.db, helpdeskCallerOf(request), request.params.ref, {
        body: request.body.body,
        kind,
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/tickets/:ref/close',
    {
      schema: {
        tags,
        summary: 'Close a ticket (the employee their own: solved; ICT any)',
        params: RefParams,
        body: Closing,
        response: Done,
      },
      config: { access: 'helpdesk.use' },
    },
    async (request, reply) => {
      await closeInquiry(app.db, helpdeskCallerOf(request), request.params.ref, request.body.note);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/tickets/:ref/claim',
    {
      schema: { tags, summary: 'Take a ticket from the queue', params: RefParams, response: Done },
      config: { access: 'helpdesk.work' },
    },
    async (request, reply) => {
      await claimTicket(app.db, helpdeskCallerOf(request), request.params.ref);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/tickets/:ref/answer',
    {
      schema: {
        tags,
        summary: 'Answer a ticket (closes it unless `close` is false)',
        params: RefParams,
        body: TicketAnswer,
        response: Done,
      },
      config: { access: 'helpdesk.work' },
    },
    async (request, reply) => {
      await answerTicket(app.db, helpdeskCallerOf(request), request.params.ref, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/figures',
    {
      schema: {
        tags,
        summary: 'The helpdesk’s load: tickets per month and category, time to resolution, open backlog',
        description:
          'Over a period of Brussels days (the last 12 months by default, at most 366 days). With `format=csv` or `format=xlsx`, the months as a file, or with `table=categories` the categories.',
        querystring: HelpdeskFiguresQuery,
        response: { 200: HelpdeskFiguresView, ...inquiryProblems },
      },
      config: { access: 'equipment.reports' },
    },
    async (request, reply) => {
      const to = request.query.to ?? brusselsDay();
      const from = request.query.from ?? twelveMonthsTo(to);
      const figures = await helpdeskFigures(app.db, from, to);
      const { format, table } = request.query;
      if (!format) return figures;
      return table === 'categories'
        ? sendTable(reply, format, helpdeskCategoriesExport(figures, request.language))
        : sendTable(reply, format, helpdeskMonthsExport(figures, request.language));
    },
  );
};
