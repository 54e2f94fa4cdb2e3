import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/permissions.js';
import { brusselsDay } from '../../platform/db/time.js';
import { sendTable } from '../../platform/exports/send.js';
import { nonJsonAnswer } from '../../platform/http/typed-answers.js';
import { problemResponses } from '../../platform/http/validation.js';
import { acceptanceList, acceptDelivery } from './acceptance-service.js';
import {
  AcceptanceList,
  AcceptanceQuery,
  Delivery,
  DeliveryCreate,
  DeliveryDelivered,
  DeliveryList,
  DeliveryListQuery,
  DeliveryParams,
  DeliveryReport,
  DeliveryReportQuery,
  DeliveryReturned,
  DeliveryShipping,
  EquipmentReturn,
  ReadyList,
  ReturnCreate,
  ReturnList,
  ReturnParams,
  ReturnQuery,
} from './delivery-contract.js';
import { deliveryReport, deliveryReportTable } from './delivery-report.js';
import type { Db } from './delivery-repository.js';
import {
  type Caller,
  createDelivery,
  deliverDelivery,
  deliveryDetail,
  deliveryList,
  readyToShip,
  returnDelivery,
  shipDelivery,
} from './delivery-service.js';
import { deliveryTable } from './delivery-table.js';
import { returnPdf } from './return-pdf.js';
import { registerReturn, returnList, returnReceipt } from './return-service.js';

const errors = problemResponses(400, 401, 403, 404);
const conflicts = problemResponses(409);
const tags = ['equipment'];

/** Delivery batches, signed receipt and returns; mounted at /api/v1/equipment. */
export const deliveryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const notifier = { identities: app.identities, publicUrl: app.config.publicUrl };
  const callerOf = (request: FastifyRequest): Caller => {
    const roles = request.identity?.roles ?? [];
    return {
      db: app.db as unknown as Db,
      actor: request.actor,
      viewer: {
        id: request.identity?.id ?? null,
        canManage: can(roles, 'equipment.manage'),
        canReport: can(roles, 'equipment.reports'),
      },
      today: brusselsDay(),
      notifier,
    };
  };

  app.get(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'Delivery batches: everyone’s for ICT (filters), one’s own for staff',
        description:
          'Filters: `status`, `mode`, `person` (a username; ICT and report readers), `week` (ISO week it shipped, or was prepared in). With `format=csv` or `format=xlsx`, every matching batch as a file. Reading other people’s batches is audited.',
        querystring: DeliveryListQuery,
        response: { 200: DeliveryList, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const query = format ? { ...request.query, limit: 100_000, offset: 0 } : request.query;
      const page = await deliveryList(callerOf(request), query);
      return format ? sendTable(reply, format, deliveryTable(page.items, lang ?? request.language)) : page;
    },
  );

  app.get(
    '/deliveries/ready',
    {
      schema: {
        tags,
        summary: 'Reserved units not in a batch yet, per person: what ICT can ship (ICT)',
        response: { 200: ReadyList, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async () => readyToShip(app.db as unknown as Db),
  );

  app.get(
    '/deliveries/report',
    {
      schema: {
        tags,
        summary: 'Units shipped or handed over per week or month, by type (ICT, management)',
        description:
          '`by=week|month` (default month), counted in the Brussels week or month they left in; `from`/`to` days; `mode`. With `format=csv` or `format=xlsx`, the table as a file.',
        querystring: DeliveryReportQuery,
        response: { 200: DeliveryReport, ...errors },
      },
      config: { access: 'equipment.reports' },
    },
    async (request, reply) => {
      const report = await deliveryReport(app.db as unknown as Db, request.query);
      const { format, lang } = request.query;
      return format
        ? sendTable(reply, format, deliveryReportTable(report, lang ?? request.language))
        : report;
    },
  );

  app.post(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'Prepare a batch for one person from their reserved requests (ICT)',
        description:
          '`home`: to an address (by default the requests’ own; never empty), with the carrier and its reference; `site`: handed over at a site. The other reserved requests of a kit join the batch.',
        body: DeliveryCreate,
        response: { 201: Delivery, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) => reply.code(201).send(await createDelivery(callerOf(request), request.body)),
  );

  app.get(
    '/deliveries/:delivery',
    {
      schema: {
        tags,
        summary: 'One batch with its units (ICT, report readers, or the person it is for)',
        params: DeliveryParams,
        response: { 200: Delivery, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => deliveryDetail(callerOf(request), request.params.delivery),
  );

  app.post(
    '/deliveries/:delivery/ship',
    {
      schema: {
        tags,
        summary: 'Ship a home batch (the person gets a mail), or hand a site batch over (ICT)',
        description:
          'Home: status `shipped`, the units with the carrier, the requests `shipped`. Site: shipped and delivered at once, the units assigned to the person at that site.',
        params: DeliveryParams,
        body: DeliveryShipping,
        response: { 200: Delivery, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => shipDelivery(callerOf(request), request.params.delivery, request.body),
  );

  app.post(
    '/deliveries/:delivery/deliver',
    {
      schema: {
        tags,
        summary: 'Record the carrier’s proof: the day the person signed for it (ICT)',
        description: '`signedForOn` may not be in the future nor before the day it shipped.',
        params: DeliveryParams,
        body: DeliveryDelivered,
        response: { 200: Delivery, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => deliverDelivery(callerOf(request), request.params.delivery, request.body),
  );

  app.post(
    '/deliveries/:delivery/return',
    {
      schema: {
        tags,
        summary: 'The carrier brought the batch back: units to the stock room, still reserved (ICT)',
        description:
          'The requests go back to `reserved` and their units stay reserved for them, back in the stock room they left: ICT ships them again in a new batch.',
        params: DeliveryParams,
        body: DeliveryReturned,
        response: { 200: Delivery, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => returnDelivery(callerOf(request), request.params.delivery, request.body ?? {}),
  );

  app.post(
    '/deliveries/:delivery/accept',
    {
      schema: {
        tags,
        summary: 'Confirm receipt of the whole batch (only the person it is for)',
        description:
          'Freezes the units (tag, type, model, serial) with their SHA-256; the requests become `received`, the units assigned to the person. Allowed once shipped: the person may hold the parcel before the carrier’s proof comes in.',
        params: DeliveryParams,
        response: { 200: Delivery, ...errors, ...conflicts },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => acceptDelivery(callerOf(request), request.params.delivery),
  );

  app.get(
    '/acceptances',
    {
      schema: {
        tags,
        summary: 'Signed receipts: one’s own, or anyone’s for ICT and report readers (`person`)',
        querystring: AcceptanceQuery,
        response: { 200: AcceptanceList, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => acceptanceList(callerOf(request), request.query.person),
  );

  app.post(
    '/returns',
    {
      schema: {
        tags,
        summary: 'Register units a person gave back: to a site’s stock room, with a receipt (ICT)',
        body: ReturnCreate,
        response: { 201: EquipmentReturn, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request, reply) => reply.code(201).send(await registerReturn(callerOf(request), request.body)),
  );

  app.get(
    '/returns',
    {
      schema: {
        tags,
        summary: 'Returns: one’s own, or anyone’s for ICT and report readers (`person`)',
        querystring: ReturnQuery,
        response: { 200: ReturnList, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => returnList(callerOf(request), request.query.person),
  );

  app.get(
    '/returns/:return/receipt',
    {
      schema: {
        tags,
        summary: 'The return receipt as a PDF, the person’s language first (the person, ICT)',
        params: ReturnParams,
        response: { 200: nonJsonAnswer('The return receipt', ['application/pdf']), ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request, reply) => {
      const receipt = await returnReceipt(callerOf(request), request.params.return);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="relais-${receipt.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await returnPdf(receipt));
    },
  );
};
