import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RoleSchema } from '../../platform/auth/schemas.js';
import { sendTable } from '../../platform/exports/send.js';
import { ExportFormatParam } from '../../platform/exports/table.js';
import { Page, Pagination, problemResponses } from '../../platform/http/validation.js';
import { importPeople } from './import-people.js';
import { createOrgUnit, listOrganisationUnits, updateOrgUnit } from './org-units.js';
import { createPartner, listPartnerOrganisations, updatePartner } from './partners.js';
import { createPerson, listPeople, readPerson, updatePerson } from './people.js';
import { peopleExport } from './people-export.js';
import { findOrgUnitByCode, findPartnerByCode } from './repository.js';
import {
  Code,
  OrgUnit,
  OrgUnitInput,
  OrgUnitUpdate,
  Partner,
  PartnerInput,
  PartnerUpdate,
  PersonDetail,
  PersonInput,
  PersonSummary,
  PersonUpdate,
} from './schemas.js';

const errors = problemResponses(400, 401, 403, 404);
const PersonParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CodeParams = Type.Object({ code: Code });

const PeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    role: Type.Optional(RoleSchema),
    partner: Type.Optional(Code),
    orgUnit: Type.Optional(Code),
    isActive: Type.Optional(Type.Boolean()),
    format: ExportFormatParam,
    ...Pagination,
  },
  { additionalProperties: false },
);

const ImportBody = Type.Object(
  {
    csv: Type.String({
      minLength: 1,
      maxLength: 900_000,
      description: 'The CSV file content, header row first',
    }),
    generatePasswords: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
const ImportResult = Type.Object({
  imported: Type.Integer(),
  passwords: Type.Array(Type.Object({ username: Type.String(), password: Type.String() })),
});

/** People, partner organisations and organisation units. */
export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const lang = () => app.config.RELAIS_DEFAULT_LANGUAGE;

  app.get(
    '/people',
    {
      schema: {
        tags: ['directory'],
        querystring: PeopleQuery,
        response: { 200: Page(PersonSummary), ...errors },
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
        response: { 200: Type.Object({ items: Type.Array(Partner) }), ...errors },
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
        response: { 200: Type.Object({ items: Type.Array(OrgUnit) }), ...errors },
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
