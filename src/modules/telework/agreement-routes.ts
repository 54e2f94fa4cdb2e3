import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { can } from '../../platform/auth/permissions.js';
import { brusselsDay } from '../../platform/db/time.js';
import { sendTable } from '../../platform/exports/send.js';
import { nonJsonAnswer } from '../../platform/http/typed-answers.js';
import { problemResponses } from '../../platform/http/validation.js';
import { agreementPdf } from './agreement-pdf.js';
import { agreementTable } from './agreement-table.js';
import type { Viewer } from './agreement-workflow.js';
import {
  agreementDetail,
  agreementLetter,
  agreementList,
  type Caller,
  decideAgreement,
  endAgreement,
  requestAgreement,
  signAgreement,
  withdrawAgreement,
} from './agreements.js';
import {
  AgreementDecision,
  AgreementDetail,
  AgreementEnding,
  AgreementList,
  AgreementListQuery,
  AgreementParams,
  AgreementRequest,
} from './contract.js';

const errors = problemResponses(400, 401, 403, 404);
const tags = ['telework'];

const viewerOf = (request: FastifyRequest): Viewer => ({
  id: request.identity?.id ?? null,
  isHr: can(request.identity?.roles ?? [], 'telework.manage'),
});

/** Telework agreements: asked for, decided, signed, ended; mounted at /api/v1/telework. */
export const agreementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const notifier = { identities: app.identities, publicUrl: app.config.publicUrl };
  const callerOf = (request: FastifyRequest): Caller => ({
    db: app.db,
    actor: request.actor,
    viewer: viewerOf(request),
    today: brusselsDay(),
    notifier,
  });
  app.get(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'My telework agreements, my team’s (managers) or everyone’s (HR)',
        description:
          '`scope=mine` (default), `team` (the agreements the caller decides as manager, those waiting first) or `all` (HR). With `format=csv` or `format=xlsx`, the list as a file. Reading other people’s agreements is audited.',
        querystring: AgreementListQuery,
        response: { 200: AgreementList, ...errors },
      },
      config: { access: 'telework.use' },
    },
    async (request, reply) => {
      const { format } = request.query;
      // A file holds the whole list, not the screen's page.
      const query = format ? { ...request.query, limit: 100_000, offset: 0 } : request.query;
      const page = await agreementList(
        callerOf(request),
        can(request.identity?.roles ?? [], 'telework.team'),
        query,
      );
      return format
        ? sendTable(reply, format, agreementTable(page.items, request.query.lang ?? request.language))
        : page;
    },
  );

  app.post(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'Ask for a telework agreement (the employee)',
        description:
          'Checked against the caller’s function (teleworkable or not), their caps (prorated to the occupation) and their other agreements; it then waits for their manager’s decision.',
        body: AgreementRequest,
        response: { 201: AgreementDetail, ...errors },
      },
      config: { access: 'telework.use' },
    },
    async (request, reply) =>
      reply.code(201).send(await requestAgreement(callerOf(request), request.body, request.language)),
  );

  app.get(
    '/agreements/:agreement',
    {
      schema: {
        tags,
        summary: 'One agreement with its history and what the caller may do with it',
        params: AgreementParams,
        response: { 200: AgreementDetail, ...errors },
      },
      config: { access: 'telework.use' },
    },
    async (request) => agreementDetail(callerOf(request), request.params.agreement),
  );

  app.get(
    '/agreements/:agreement/pdf',
    {
      schema: {
        tags,
        summary: 'The written agreement as a bilingual PDF (the employee’s language first)',
        description: 'Once both parties signed, the frozen signed text with both signatures and its SHA-256.',
        params: AgreementParams,
        response: { 200: nonJsonAnswer('The agreement, French and Dutch', ['application/pdf']), ...errors },
      },
      config: { access: 'telework.use' },
    },
    async (request, reply) => {
      const letter = await agreementLetter(callerOf(request), request.params.agreement);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="relais-${letter.id}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await agreementPdf(letter));
    },
  );

  app.post(
    '/agreements/:agreement/decision',
    {
      schema: {
        tags,
        summary: 'Approve or refuse (with a reason) a request: the manager, then HR where the policy asks it',
        params: AgreementParams,
        body: AgreementDecision,
        response: { 200: AgreementDetail, ...errors, ...problemResponses(409) },
      },
      config: { access: 'telework.team' },
    },
    async (request) => decideAgreement(callerOf(request), request.params.agreement, request.body),
  );

  app.post(
    '/agreements/:agreement/signature',
    {
      schema: {
        tags,
        summary: 'Sign a written agreement, as the employee or for the employer (manager, HR)',
        description: 'The second signature freezes the signed text and approves the agreement.',
        params: AgreementParams,
        response: { 200: AgreementDetail, ...errors, ...problemResponses(409) },
      },
      config: { access: 'telework.use' },
    },
    async (request) => signAgreement(callerOf(request), request.params.agreement),
  );

  app.post(
    '/agreements/:agreement/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw my request before it is decided',
        params: AgreementParams,
        response: { 200: AgreementDetail, ...errors, ...problemResponses(409) },
      },
      config: { access: 'telework.use' },
    },
    async (request) => withdrawAgreement(callerOf(request), request.params.agreement),
  );

  app.post(
    '/agreements/:agreement/ending',
    {
      schema: {
        tags,
        summary: 'End an approved agreement early (either party), with a reason',
        params: AgreementParams,
        body: AgreementEnding,
        response: { 200: AgreementDetail, ...errors, ...problemResponses(409) },
      },
      config: { access: 'telework.use' },
    },
    async (request) => endAgreement(callerOf(request), request.params.agreement, request.body),
  );
};
