import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendTable } from '../../platform/exports/send.js';
import { problemResponses } from '../../platform/http/validation.js';
import {
  CodeParams,
  ImportBody,
  ImportResult,
  OrgUnit,
  OrgUnitInput,
  OrgUnitList,
  OrgUnitUpdate,
  Partner,
  PartnerInput,
  PartnerList,
  PartnerUpdate,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  PersonInput,
  PersonParams,
  PersonUpdate,
} from './contract.js';
import { importPeople } from './import-people.js';
import { createOrgUnit, listOrganisationUnits, updateOrgUnit } from './org-units.js';
import { createPartner, listPartnerOrganisations, updatePartner } from './partners.js';
import { createPerson, listPeople, readPerson, updatePerson } from './people.js';
import { peopleExport } from './people-export.js';
import { findOrgUnitByCode, findPartnerByCode } from './repository.js';

const errors = problemResponses(400, 401, 403, 404);

/** People, partner organisations and organisation units. */
export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const lang = () => app.config.RELAIS_DEFAULT_LANGUAGE;

  app.get(
    '/people',
    {
      schema: {
        tags: ['directory'],
        querystring: PeopleQuery,
        response: { 200: PeoplePage, ...errors },
      },
      config: { access: 'directory.people.read' },
    },
    async (request, reply) => {
      const { limit = 50, offset = 0, partner, orgUnit, format, ...rest } = request.query;
      const partnerId = partner ? ((await findPartnerByCode(app.db, partner))?.id ?? '-') : undefined;
      const orgUnitId = orgUnit ? ((await findOrgUnitByCode(app.db, orgUnit))?.id ?? '-') : undefined;
      const filter = {
        ...rest,
        ...(partnerId && { partner: partnerId }),
        ...(orgUnitId && { orgUnit: orgUnitId }),
      };
      if (!format) return listPeople(app.db, filter, { limit, offset });
      const table = await peopleExport(app.db, request.actor, filter, format, request.language);
      return sendTable(reply, format, table);
    },
  );

  app.post(
    '/people',
    {
      schema: { tags: ['directory'], body: PersonInput, response: { 201: PersonDetail, ...errors } },
      config: { access: 'directory.people.write' },
    },
    async (request, reply) =>
      reply.code(201).send(await createPerson(app.db, request.actor, request.body, lang())),
  );

  app.post(
    '/people/import',
    {
      schema: { tags: ['directory'], body: ImportBody, response: { 201: ImportResult, ...errors } },
      config: { access: 'directory.people.write' },
    },
    async (request, reply) =>
      reply.code(201).send(
        await importPeople(app.db, request.actor, request.body.csv, {
          defaultLanguage: lang(),
          generatePasswords: request.body.generatePasswords ?? false,
        }),
      ),
  );

  app.get(
    '/people/:id',
    {
      schema: { tags: ['directory'], params: PersonParams, response: { 200: PersonDetail, ...errors } },
      config: { access: 'directory.people.read' },
    },
    async (request) => readPerson(app.db, request.actor, request.params.id),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags: ['directory'],
        params: PersonParams,
        body: PersonUpdate,
        response: { 200: PersonDetail, ...errors },
      },
      config: { access: 'directory.people.write' },
    },
    async (request) => updatePerson(app.db, request.actor, request.params.id, request.body),
  );

  app.get(
    '/partners',
    {
      schema: {
        tags: ['directory'],
        response: { 200: PartnerList, ...errors },
      },
      config: { access: 'directory.partners.read' },
    },
    async () => ({ items: await listPartnerOrganisations(app.db) }),
  );

  app.post(
    '/partners',
    {
      schema: { tags: ['directory'], body: PartnerInput, response: { 201: Partner, ...errors } },
      config: { access: 'directory.partners.write' },
    },
    async (request, reply) => reply.code(201).send(await createPartner(app.db, request.actor, request.body)),
  );

  app.patch(
    '/partners/:code',
    {
      schema: {
        tags: ['directory'],
        params: CodeParams,
        body: PartnerUpdate,
        response: { 200: Partner, ...errors },
      },
      config: { access: 'directory.partners.write' },
    },
    async (request) => updatePartner(app.db, request.actor, request.params.code, request.body),
  );

  app.get(
    '/org-units',
    {
      schema: {
        tags: ['directory'],
        response: { 200: OrgUnitList, ...errors },
      },
      config: { access: 'directory.org_units.read' },
    },
    async () => ({ items: await listOrganisationUnits(app.db) }),
  );

  app.post(
    '/org-units',
    {
      schema: { tags: ['directory'], body: OrgUnitInput, response: { 201: OrgUnit, ...errors } },
      config: { access: 'directory.org_units.write' },
    },
    async (request, reply) => reply.code(201).send(await createOrgUnit(app.db, request.actor, request.body)),
  );

  app.patch(
    '/org-units/:code',
    {
      schema: {
        tags: ['directory'],
        params: CodeParams,
        body: OrgUnitUpdate,
        response: { 200: OrgUnit, ...errors },
      },
      config: { access: 'directory.org_units.write' },
    },
    async (request) => updateOrgUnit(app.db, request.actor, request.params.code, request.body),
  );
};
