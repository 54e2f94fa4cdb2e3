import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { problemResponses } from '../../../platform/http/validation.js';
import {
  Deflection,
  DeflectionsQuery,
  Items,
  SearchMiss,
  SearchMissesQuery,
  SearchQuery,
  SearchResponse,
} from '../contract.js';
import { listDeflections } from '../public/deflections.js';
import { audiencesOf } from '../reader-audiences.js';
import type { SearchMissLog } from '../search-miss-log.js';
import type { KnowledgeSearch } from '../search-service.js';
import { listSearchMisses } from '../usage.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/**
 * The agents' search as they type; for the editors, the searches that found nothing and the entries
 * that answered the public before they asked.
 */
export const searchRoutes: FastifyPluginAsyncTypebox<{
  search: KnowledgeSearch;
  misses: SearchMissLog;
}> = async (app, { search, misses }) => {
  app.get(
    '/search',
    {
      schema: { tags: ['knowledge'], querystring: SearchQuery, response: { 200: SearchResponse, ...errors } },
      config: { access: 'knowledge.read' },
    },
    async (request) => {
      const { q, lang, as_of, theme, audience, limit } = request.query;
      const language = lang ?? (request.language === 'nl' ? 'nl' : 'fr');
      const asOf = as_of ?? brusselsDay();
      await search.whenReady();
      const response = search.search({
        q,
        lang: language,
        asOf,
        audiences: audiencesOf(request).filter((readable) => !audience || readable === audience),
        limit: limit ?? 10,
        ...(theme && { theme }),
      });
      // Short prefixes typed on the way to a word say nothing about what the FAQ lacks.
      if (response.results.length === 0 && q.trim().length >= 3)
        misses.add({ query: q, lang: language, asOf, personId: request.identity?.id ?? null });
      return response;
    },
  );

  app.get(
    '/search-misses',
    {
      schema: {
        tags: ['knowledge'],
        querystring: SearchMissesQuery,
        response: { 200: Items(SearchMiss), ...errors },
      },
      config: { access: 'knowledge.manage' },
    },
    async (request) => {
      const since = new Date(Date.now() - (request.query.days ?? 30) * 86_400_000).toISOString();
      await misses.flush();
      return { items: await listSearchMisses(app.db, { since, limit: 200 }) };
    },
  );

  app.get(
    '/deflections',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Entries that answered people on the public question form before they asked',
        description:
          'A person typing a question on the public form is shown the public entries that match; each "yes, this answers my question" is counted per entry, language and day (no person, no address). The most frequent first.',
        querystring: DeflectionsQuery,
        response: { 200: Items(Deflection), ...errors },
      },
      config: { access: 'knowledge.manage' },
    },
    async (request) => ({ items: await listDeflections(app.db, { days: request.query.days ?? 30 }) }),
  );
};
