import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { brusselsDay } from '../../platform/db/time.js';
import { sendTable } from '../../platform/exports/send.js';
import { nonJsonAnswer } from '../../platform/http/typed-answers.js';
import { problemResponses } from '../../platform/http/validation.js';
import {
  EquipmentRequest,
  HeldAssetList,
  KitRun,
  NewContribution,
  NewRequest,
  PendingAgeQuery,
  PendingAgeReport,
  RequestList,
  RequestListQuery,
  RequestParams,
  RequestRefusal,
  Reservation,
} from './contract/request-contract.js';
import type { AssetType } from './contract.js';
import { KIT_JOB, kitJobHandler, scheduleKits } from './kit-job.js';
import { prepareKits } from './kit-service.js';
import { pendingByAge, pendingByAgeTable } from './request-report.js';
import { assetsHeldBy } from './request-repository.js';
import {
  approveRequest,
  cancelRequest,
  createContribution,
  createItemRequest,
  payContribution,
  type RequestCaller,
  readReceipt,
  refuseRequest,
  requestDetail,
  requestList,
  toRequests,
} from './request-service.js';
import { releaseRequest, reserveRequest } from './reservation-service.js';

const errors = problemResponses(400, 401, 403, 404);
const conflicts = problemResponses(409);
const tags = ['equipment'];

/** Requests, contributions, reservation, kits and the pending report; mounted at /api/v1/equipment. */
export const requestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.jobs.register(KIT_JOB, kitJobHandler(app.db));
  app.addHook('onListen', async () => {
    await scheduleKits(app.db).catch((error) =>
      app.log.error({ err: error }, 'equipment: preparation of new colleagues’ kits not scheduled'),
    );
  });

  // Every route needs a login (config.access), so the identity is there.
  const callerOf = (request: FastifyRequest): RequestCaller => ({
    db: app.db,
    actor: request.actor,
    personId: request.identity!.id,
    roles: request.identity!.roles,
    today: brusselsDay(),
  });

  app.get(
    '/my-equipment',
    {
      schema: {
        tags,
        summary: 'The units the caller holds: at home, at their desk, reserved for them or on their way',
        response: { 200: HeldAssetList, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => ({
      items: (await assetsHeldBy(app.db, request.identity!.id)).map((a) => ({
        assetTag: a.asset_tag,
        type: a.type as AssetType,
        model: a.model,
        serial: a.serial,
        status: a.status,
        location: a.location,
      })),
    }),
  );

  app.post(
    '/requests',
    {
      schema: {
        tags,
        summary: 'Ask for an item of one’s profile (or, ICT and managers, for someone)',
        description:
          '`person` (a username): ICT for anyone, a manager for their own reports. Refused when the type is outside the person’s profile (`type`) or a home delivery has no address (`address`). Starts `awaiting_approval` when the type’s policy asks for the manager, else `open`.',
        body: NewRequest,
        response: { 201: EquipmentRequest, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request, reply) => reply.code(201).send(await createItemRequest(callerOf(request), request.body)),
  );

  app.post(
    '/contributions',
    {
      // A 5 MB receipt is about 6.7 MB once in base64.
      bodyLimit: 7_500_000,
      schema: {
        tags,
        summary: 'Ask for a contribution towards buying an item, with its receipt (PDF or image)',
        description:
          '`amount` in cents; with the person’s other contributions for the type in the policy’s period it must stay within the cap (`amount`). The receipt (PDF, JPEG, PNG, HEIC; at most 5 MB) is judged by its content, not its declared type (`receipt`).',
        body: NewContribution,
        response: { 201: EquipmentRequest, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request, reply) => reply.code(201).send(await createContribution(callerOf(request), request.body)),
  );

  app.get(
    '/requests',
    {
      schema: {
        tags,
        summary: 'My requests, my reports’ (`scope=team`, managers) or everyone’s (`scope=all`, ICT)',
        description:
          'Each with its steps and what the caller may do. `kits=true`: new colleagues’ kits only, by due date. Reading other people’s requests is audited.',
        querystring: RequestListQuery,
        response: { 200: RequestList, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => requestList(callerOf(request), request.query),
  );

  app.get(
    '/requests/:request',
    {
      schema: {
        tags,
        summary: 'One request with its steps',
        params: RequestParams,
        response: { 200: EquipmentRequest, ...errors },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => requestDetail(callerOf(request), request.params.request),
  );

  app.get(
    '/requests/:request/receipt',
    {
      schema: {
        tags,
        summary: 'A contribution’s receipt as it was received (audited)',
        params: RequestParams,
        response: {
          200: nonJsonAnswer('The receipt', ['application/pdf', 'image/jpeg', 'image/png', 'image/heic']),
          ...errors,
        },
      },
      config: { access: 'equipment.use' },
    },
    async (request, reply) => {
      const file = await readReceipt(callerOf(request), request.params.request);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );

  app.post(
    '/requests/:request/approve',
    {
      schema: {
        tags,
        summary: 'Approve a request waiting for the manager (the person’s manager, admin)',
        params: RequestParams,
        response: { 200: EquipmentRequest, ...errors, ...conflicts },
      },
      config: { access: 'equipment.approve' },
    },
    async (request) => approveRequest(callerOf(request), request.params.request),
  );

  app.post(
    '/requests/:request/refuse',
    {
      schema: {
        tags,
        summary: 'Refuse a request waiting for the manager, with the reason (the person’s manager, admin)',
        params: RequestParams,
        body: RequestRefusal,
        response: { 200: EquipmentRequest, ...errors, ...conflicts },
      },
      config: { access: 'equipment.approve' },
    },
    async (request) => refuseRequest(callerOf(request), request.params.request, request.body.reason),
  );

  app.post(
    '/requests/:request/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel a request until its unit leaves (the person, ICT); a reserved unit goes back to stock',
        params: RequestParams,
        response: { 200: EquipmentRequest, ...errors, ...conflicts },
      },
      config: { access: 'equipment.use' },
    },
    async (request) => cancelRequest(callerOf(request), request.params.request),
  );

  app.post(
    '/requests/:request/pay',
    {
      schema: {
        tags,
        summary: 'Record a contribution as paid (ICT)',
        params: RequestParams,
        response: { 200: EquipmentRequest, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => payContribution(callerOf(request), request.params.request),
  );

  app.post(
    '/requests/:request/reserve',
    {
      schema: {
        tags,
        summary: 'Reserve a unit from stock for an item request (ICT)',
        description:
          'Answers the request and the reserved `asset_tag`; reserving again answers the same unit. `409` `out_of_stock` when no unit of the type is free, `not_approved` while the manager has not approved.',
        params: RequestParams,
        response: { 200: Reservation, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => {
      const caller = callerOf(request);
      const { row, assetTag } = await reserveRequest(app.db, request.actor, request.params.request);
      return { request: (await toRequests(app.db, caller, [row]))[0]!, asset_tag: assetTag };
    },
  );

  app.post(
    '/requests/:request/release',
    {
      schema: {
        tags,
        summary: 'Give a reserved unit back to stock; the request is open again (ICT)',
        params: RequestParams,
        response: { 200: EquipmentRequest, ...errors, ...conflicts },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => {
      const row = await releaseRequest(app.db, request.actor, request.params.request);
      return (await toRequests(app.db, callerOf(request), [row]))[0]!;
    },
  );

  app.post(
    '/kits/prepare',
    {
      schema: {
        tags,
        summary: 'Prepare now the kits of new colleagues not prepared yet (ICT; a daily job does it too)',
        response: { 200: KitRun, ...errors },
      },
      config: { access: 'equipment.manage' },
    },
    async (request) => prepareKits(app.db, request.actor, brusselsDay()),
  );

  app.get(
    '/reports/pending-requests',
    {
      schema: {
        tags,
        summary: 'Requests pending by age (waiting for approval, a unit, or to leave)',
        description: 'With `format=csv` or `format=xlsx`, the list as a file.',
        querystring: PendingAgeQuery,
        response: { 200: PendingAgeReport, ...errors },
      },
      config: { access: 'equipment.reports' },
    },
    async (request, reply) => {
      const report = await pendingByAge(app.db, brusselsDay());
      const { format, lang } = request.query;
      return format ? sendTable(reply, format, pendingByAgeTable(report, lang ?? request.language)) : report;
    },
  );
};
