import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { problemResponses } from '../../../platform/http/validation.js';
import {
  PublicDayQuery,
  PublicEntryAnswer,
  PublicSearchAnswer,
  PublicSearchQuery,
  PublicThemesAnswer,
  Ref,
} from '../contract.js';
import { type AnswerCache, answeredNotModified, markCacheable, publicEtag } from '../public/cache.js';
import { publicEntryPath, publicQuestionsByTheme, readPublicEntry, searchPublic } from '../public/faq.js';
import type { KnowledgeSearch } from '../search-service.js';

const errors = problemResponses(400, 404, 410);
const CACHING =
  'Anonymous; the same answer for everyone. Carries `ETag` and `Cache-Control: public` for reverse ' +
  'proxies and CDNs; send `If-None-Match` to get a 304 while the FAQ has not changed.';

/**
 * The public FAQ for other sites and apps (a fund's website, a chatbot): public entries only,
 * without login, cacheable. Search misses are not recorded from here: a caller may search as
 * the user types, and the prefixes would drown the words that matter (the site records them).
 */
export const publicFaqApiRoutes: FastifyPluginAsyncTypebox<{
  search: KnowledgeSearch;
  answers: AnswerCache;
}> = async (app, { search, answers }) => {
  // The answer schemas document the contract; compiling a serialiser for each (fast-json-stringify)
  // cost 10 to 25 ms at every start (measured), for answers that are mostly served as kept
  // strings. The handlers build exactly the documented shapes, so plain JSON.stringify does.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  /** Answers 304, or the answer kept for this tag and address, or makes it (serialised by the route's schema) and keeps it. */
  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    etag: string,
    make: () => unknown | Promise<unknown>,
  ) => {
    if (answeredNotModified(request, reply, etag)) return reply;
    const key = `${etag} ${request.url}`;
    let body = answers.get(key);
    if (body === undefined) {
      body = reply.serialize(await make()) as string;
      answers.set(key, body);
    }
    return markCacheable(reply, etag).type('application/json; charset=utf-8').send(body);
  };

  app.get(
    '/search',
    {
      schema: {
        tags: ['public FAQ'],
        summary: 'Search the public FAQ',
        description: `The agents' search, narrowed to public entries. ${CACHING}`,
        querystring: PublicSearchQuery,
        response: { 200: PublicSearchAnswer, ...errors },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const language = request.query.lang ?? 'fr';
      const day = request.query.as_of ?? brusselsDay();
      const etag = await publicEtag(search, 'search', day);
      return answer(request, reply, etag, () => {
        const response = searchPublic(search, {
          q: request.query.q,
          lang: language,
          asOf: day,
          limit: request.query.limit ?? 10,
        });
        return {
          lang: language,
          asOf: day,
          validMatches: response.validMatches,
          fallback: response.fallback,
          results: response.results.map((hit) => ({
            ref: hit.ref,
            isValidOnDate: hit.isValidOnDate,
            validFrom: hit.validFrom,
            validTo: hit.validTo,
            highlights: hit.highlights,
            url: publicEntryPath(language, hit.ref),
          })),
        };
      });
    },
  );

  app.get(
    '/entries/:ref',
    {
      schema: {
        tags: ['public FAQ'],
        summary: 'Read a public FAQ entry',
        description: `One public entry in one language, as it applies on \`as_of\` (today by default). Entries that are not public answer 404, like unknown ones; a withdrawn entry answers 410. ${CACHING}`,
        params: Type.Object({ ref: Ref }),
        querystring: PublicDayQuery,
        response: { 200: PublicEntryAnswer, ...errors },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const day = request.query.as_of ?? brusselsDay();
      const etag = await publicEtag(search, 'entry', day);
      return answer(request, reply, etag, () =>
        readPublicEntry(app.db, request.params.ref, request.query.lang ?? 'fr', day),
      );
    },
  );

  app.get(
    '/themes',
    {
      schema: {
        tags: ['public FAQ'],
        summary: 'The public FAQ by theme',
        description: `Every public entry, theme by theme, those that apply on \`as_of\` apart from the others. ${CACHING}`,
        querystring: PublicDayQuery,
        response: { 200: PublicThemesAnswer, ...errors },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const language = request.query.lang ?? 'fr';
      const day = request.query.as_of ?? brusselsDay();
      const etag = await publicEtag(search, 'themes', day);
      return answer(request, reply, etag, async () => {
        const themes = await publicQuestionsByTheme(app.db, language, day);
        const withUrl = <T extends { ref: string }>(item: T) => ({
          ...item,
          url: publicEntryPath(language, item.ref),
        });
        return {
          lang: language,
          asOf: day,
          items: themes.map((theme) => ({
            ...theme,
            current: theme.current.map(withUrl),
            others: theme.others.map(withUrl),
          })),
        };
      });
    },
  );
};
