import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../../platform/http/validation.js';
import { Items, SynonymGroupBody, SynonymGroupParams, SynonymGroupView } from '../contract.js';
import type { KnowledgeSearch } from '../search-service.js';
import { deleteSynonymGroup, listSynonymGroups, saveSynonymGroup } from '../synonyms.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/** The synonym groups the search expands queries with; every change re-syncs the index. */
export const synonymRoutes: FastifyPluginAsyncTypebox<{ search: KnowledgeSearch }> = async (
  app,
  { search },
) => {
  app.get(
    '/synonyms',
    {
      schema: { tags: ['knowledge'], response: { 200: Items(SynonymGroupView), ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async () => ({ items: await listSynonymGroups(app.db) }),
  );
  app.post(
    '/synonyms',
    {
      schema: { tags: ['knowledge'], body: SynonymGroupBody, response: { 201: SynonymGroupView, ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async (request, reply) => {
      const saved = await saveSynonymGroup(app.db, request.actor, request.body);
      await search.sync();
      return reply.code(201).send(saved);
    },
  );
  app.put(
    '/synonyms/:id',
    {
      schema: {
        tags: ['knowledge'],
        params: SynonymGroupParams,
        body: SynonymGroupBody,
        response: { 200: SynonymGroupView, ...errors },
      },
      config: { access: 'knowledge.manage' },
    },
    async (request) => {
      const saved = await saveSynonymGroup(app.db, request.actor, { ...request.body, id: request.params.id });
      await search.sync();
      return saved;
    },
  );
  app.delete(
    '/synonyms/:id',
    {
      schema: { tags: ['knowledge'], params: SynonymGroupParams, response: { 204: Type.Null(), ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async (request, reply) => {
      await deleteSynonymGroup(app.db, request.actor, request.params.id);
      await search.sync();
      return reply.code(204).send(null);
    },
  );
};
