import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { ContentLanguage, IsoDate, problemResponses } from '../../../platform/http/validation.js';
import { type AnswerCache, answeredNotModified, markCacheable, publicEtag } from '../public/cache.js';
import { publicEntryPath, publicQuestionsByTheme, readPublicEntry, searchPublic } from '../public/faq.js';
import { KnowledgeLimits, Ref } from '../schemas.js';
import type { KnowledgeSearch } from '../search-service.js';

// Typed answers: they are the public contract (OpenAPI) and fast-json-stringify writes them.
const Day = Type.String({ format: 'date' });
const Period = { validFrom: Day, validTo: Type.Union([Day, Type.Null()]) };

const SearchAnswer = Type.Object({
  lang: ContentLanguage,
  asOf: Type.String({ description: 'the day the search was about (YYYY-MM-DD), or `any`' }),
  validMatches: Type.Integer({ description: 'how many matching entries apply on `asOf`' }),
  fallback: Type.Boolean({
    description: 'nothing that applies on `asOf` matched: the results come from other periods',
  }),
  results: Type.Array(
    Type.Object({
      ref: Type.String(),
      isValidOnDate: Type.Boolean(),
      ...Period,
      highlights: Type.Object(
        { question: Type.String(), answer: Type.String() },
        { description: 'HTML-escaped text; matched words in <mark>, the only markup' },
      ),
      url: Type.String({ description: 'the entry on the public FAQ site' }),
    }),
  ),
});

const ChainItem = Type.Object({
  ref: Type.String(),
  ...Period,
  isThisEntry: Type.Boolean(),
  isValidOnDate: Type.Boolean(),
});

const EntryAnswer = Type.Object({
  ref: Type.String(),
  lang: ContentLanguage,
  version: Type.Integer(),
  publishedOn: Day,
  theme: Type.Object({ code: Type.String(), name: Type.String() }),
  question: Type.String(),
  answer: Type.String({ description: 'Markdown' }),
  answerHtml: Type.String({ description: 'the answer as sanitised HTML' }),
  ...Period,
  asOf: Day,
  isValidOnDate: Type.Boolean(),
  legalBasis: Type.String(),
  sources: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  chain: Type.Array(ChainItem, { description: 'the periods of the same rule, oldest first' }),
  links: Type.Object({ fr: Type.String(), nl: Type.String() }),
});

const Question = Type.Object({ ref: Type.String(), question: Type.String(), ...Period, url: Type.String() });
const ThemesAnswer = Type.Object({
  lang: ContentLanguage,
  asOf: Day,
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      current: Type.Array(Question, { description: 'entries that apply on `asOf`' }),
      others: Type.Array(Question, { description: 'entries of other periods, most recent first' }),
    }),
  ),
});

const errors = problemResponses(400, 404, 410);
const lang = Type.Optional(Type.Enum(['fr', 'nl'], { default: 'fr', description: 'fr when omitted' }));
const asOf = Type.Optional(IsoDate);
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
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: KnowledgeLimits.queryMax }),
            lang,
            as_of: Type.Optional(Type.Union([IsoDate, Type.Literal('any')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: SearchAnswer, ...errors },
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
        querystring: Type.Object({ lang, as_of: asOf }, { additionalProperties: false }),
        response: { 200: EntryAnswer, ...errors },
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
        querystring: Type.Object({ lang, as_of: asOf }, { additionalProperties: false }),
        response: { 200: ThemesAnswer, ...errors },
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
