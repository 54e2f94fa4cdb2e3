import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { brusselsDay } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { IsoDate, problemResponses } from '../../platform/http/validation.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { acknowledgeChanges, acknowledgementBoard, listChanges, pendingForPartner } from './changes.js';
import {
  confirmTranslation,
  createEntry,
  getEntryOrThrow,
  returnToDraft,
  submitForReview,
  toDraftView,
  updateDraft,
} from './drafts.js';
import { publishDraft, withdrawEntry } from './publishing.js';
import { reviewQueue, staleEntries, translationQueue } from './queues.js';
import { audiencesOf } from './reader-audiences.js';
import { entryHistory, listThemeViews, readEntry } from './reading.js';
import { findDraft } from './repository.js';
import { knowledgeExportRoutes } from './routes/exports.js';
import { liveNoticeRoutes } from './routes/live-notices.js';
import { DraftPatch, KnowledgeLimits, NewEntry, Ref, ThemeCode } from './schemas.js';
import type { SearchMissLog } from './search-miss-log.js';
import type { KnowledgeSearch } from './search-service.js';
import { deleteSynonymGroup, listSynonymGroups, saveSynonymGroup } from './synonyms.js';
import { insertTheme } from './themes.js';
import { listSearchMisses, recordFeedback, recordUsage } from './usage.js';

const errors = problemResponses(400, 401, 403, 404, 409);
const RefParams = Type.Object({ ref: Ref });
const Comment = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
const OptionalComment = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
const AsOfQuery = Type.Object({ as_of: Type.Optional(IsoDate) }, { additionalProperties: false });
const Json = Type.Unknown();

const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: KnowledgeLimits.queryMax }),
    lang: Type.Optional(Type.Enum(['fr', 'nl'])),
    as_of: Type.Optional(Type.Union([IsoDate, Type.Literal('any')])),
    theme: Type.Optional(ThemeCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

/** The fund a partner user speaks for (the partner role always comes with exactly one fund). */
function partnerOf(request: FastifyRequest): string {
  const partnerId = request.identity?.partnerId;
  if (!partnerId) throw new AppError('http.forbidden', 403);
  return partnerId;
}

/**
 * The FAQ: search, reading as of a date, writing, review, history, queues and themes. `search` is
 * the module's one index (module.ts), shared with the public FAQ.
 */
export const knowledgeRoutes: FastifyPluginAsyncTypebox<{
  search: KnowledgeSearch;
  misses: SearchMissLog;
}> = async (app, { search, misses }) => {
  await app.register(knowledgeExportRoutes);
  app.get(
    '/search',
    {
      schema: { tags: ['knowledge'], querystring: SearchQuery, response: { 200: Json, ...errors } },
      config: { access: 'knowledge.read' },
    },
    async (request) => {
      const { q, lang, as_of, theme, limit } = request.query;
      const language = lang ?? (request.language === 'nl' ? 'nl' : 'fr');
      const asOf = as_of ?? brusselsDay();
      await search.whenReady();
      const response = search.search({
        q,
        lang: language,
        asOf,
        audiences: audiencesOf(request),
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
    '/entries/:ref',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        querystring: AsOfQuery,
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.read' },
    },
    async (request) => {
      const view = await readEntry(app.db, request.params.ref, {
        asOf: request.query.as_of ?? brusselsDay(),
        audiences: audiencesOf(request),
      });
      await recordUsage(app.db, view.ref, 'opened');
      // The view was read just before this opening was counted.
      return { ...view, usage: { ...view.usage, opened: view.usage.opened + 1 } };
    },
  );

  app.post(
    '/entries/:ref/feedback',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        body: Type.Object(
          { isHelpful: Type.Boolean(), comment: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...errors },
      },
      config: { access: 'knowledge.read' },
    },
    async (request, reply) => {
      await readEntry(app.db, request.params.ref, { asOf: brusselsDay(), audiences: audiencesOf(request) });
      await recordFeedback(app.db, request.actor, request.params.ref, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/search-misses',
    {
      schema: {
        tags: ['knowledge'],
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: 30 })) },
          { additionalProperties: false },
        ),
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.manage' },
    },
    async (request) => {
      const since = new Date(Date.now() - (request.query.days ?? 30) * 86_400_000).toISOString();
      await misses.flush();
      return { items: await listSearchMisses(app.db, { since, limit: 200 }) };
    },
  );

  const SynonymBody = Type.Object(
    {
      fr: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 30 }),
      nl: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 30 }),
    },
    { additionalProperties: false },
  );
  const SynonymParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

  app.get(
    '/synonyms',
    {
      schema: { tags: ['knowledge'], response: { 200: Json, ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async () => ({ items: await listSynonymGroups(app.db) }),
  );
  app.post(
    '/synonyms',
    {
      schema: { tags: ['knowledge'], body: SynonymBody, response: { 201: Json, ...errors } },
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
        params: SynonymParams,
        body: SynonymBody,
        response: { 200: Json, ...errors },
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
      schema: { tags: ['knowledge'], params: SynonymParams, response: { 204: Type.Null(), ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async (request, reply) => {
      await deleteSynonymGroup(app.db, request.actor, request.params.id);
      await search.sync();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/entries/:ref/history',
    {
      schema: { tags: ['knowledge'], params: RefParams, response: { 200: Json, ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async (request) => ({ items: await entryHistory(app.db, request.params.ref) }),
  );

  app.post(
    '/entries',
    {
      schema: { tags: ['knowledge'], body: NewEntry, response: { 201: Json, ...errors } },
      config: { access: 'knowledge.write' },
    },
    async (request, reply) => reply.code(201).send(await createEntry(app.db, request.actor, request.body)),
  );

  // The editor's preview goes through the renderer readers get, so the writer sees exactly what
  // will be published (a second renderer in the browser could disagree with it).
  app.post(
    '/preview',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Render a Markdown answer as readers will see it (writes nothing)',
        body: Type.Object(
          { markdown: Type.String({ maxLength: KnowledgeLimits.answerMax, description: 'Markdown' }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ html: Type.String({ description: 'sanitised HTML' }) }),
          ...errors,
        },
      },
      config: { access: 'knowledge.write' },
    },
    async (request) => ({ html: renderMarkdown(request.body.markdown) }),
  );

  app.get(
    '/entries/:ref/draft',
    {
      schema: { tags: ['knowledge'], params: RefParams, response: { 200: Json, ...errors } },
      config: { access: 'knowledge.drafts.read' },
    },
    async (request) => {
      const entry = await getEntryOrThrow(app.db, request.params.ref);
      const draft = await findDraft(app.db, entry.id);
      if (!draft) throw notFound('knowledge.draft_not_found', { ref: entry.ref });
      return toDraftView(app.db, entry.ref, draft);
    },
  );

  app.patch(
    '/entries/:ref/draft',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        body: DraftPatch,
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.write' },
    },
    async (request) => updateDraft(app.db, request.actor, request.params.ref, request.body),
  );

  app.post(
    '/entries/:ref/draft/confirm-translation',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        body: Type.Object({ language: Type.Enum(['fr', 'nl']) }, { additionalProperties: false }),
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.write' },
    },
    async (request) => confirmTranslation(app.db, request.actor, request.params.ref, request.body.language),
  );

  app.post(
    '/entries/:ref/draft/submit',
    {
      schema: { tags: ['knowledge'], params: RefParams, response: { 200: Json, ...errors } },
      config: { access: 'knowledge.write' },
    },
    async (request) => submitForReview(app.db, request.actor, request.params.ref),
  );

  app.post(
    '/entries/:ref/draft/return',
    {
      schema: { tags: ['knowledge'], params: RefParams, body: Comment, response: { 200: Json, ...errors } },
      config: { access: 'knowledge.review' },
    },
    async (request) => returnToDraft(app.db, request.actor, request.params.ref, request.body.comment),
  );

  app.post(
    '/entries/:ref/publish',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        body: OptionalComment,
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.review' },
    },
    async (request) => {
      const published = await publishDraft(
        app.db,
        request.actor,
        request.params.ref,
        request.body.comment ?? null,
      );
      await search.sync();
      return published;
    },
  );

  app.post(
    '/entries/:ref/withdraw',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        body: Comment,
        response: { 204: Type.Null(), ...errors },
      },
      config: { access: 'knowledge.review' },
    },
    async (request, reply) => {
      await withdrawEntry(app.db, request.actor, request.params.ref, request.body.comment);
      await search.sync();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/queues/review',
    {
      schema: { tags: ['knowledge'], response: { 200: Json, ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async () => ({ items: await reviewQueue(app.db) }),
  );
  app.get(
    '/queues/translation',
    {
      schema: { tags: ['knowledge'], response: { 200: Json, ...errors } },
      config: { access: 'knowledge.write' },
    },
    async () => ({ items: await translationQueue(app.db) }),
  );
  app.get(
    '/queues/stale',
    {
      schema: { tags: ['knowledge'], response: { 200: Json, ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async () => ({ items: await staleEntries(app.db) }),
  );

  app.get(
    '/changes',
    {
      schema: {
        tags: ['knowledge'],
        querystring: Type.Object(
          {
            before: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.read' },
    },
    async (request) => ({
      items: await listChanges(app.db, {
        audiences: audiencesOf(request),
        limit: request.query.limit ?? 50,
        ...(request.query.before && { before: request.query.before }),
      }),
    }),
  );

  app.get(
    '/changes/pending',
    {
      schema: { tags: ['knowledge'], response: { 200: Json, ...errors } },
      config: { access: 'knowledge.acknowledge' },
    },
    async (request) => ({ items: await pendingForPartner(app.db, partnerOf(request)) }),
  );

  app.post(
    '/changes/acknowledge',
    {
      schema: {
        tags: ['knowledge'],
        body: Type.Object(
          {
            upTo: Type.Integer({
              minimum: 1,
              maximum: 2_147_483_647,
              description: 'acknowledge every pending change up to this seq',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.acknowledge' },
    },
    async (request) => ({
      acknowledged: await acknowledgeChanges(app.db, request.actor, partnerOf(request), request.body.upTo),
    }),
  );

  app.get(
    '/changes/acknowledgements',
    {
      schema: {
        tags: ['knowledge'],
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 30 })) },
          { additionalProperties: false },
        ),
        response: { 200: Json, ...errors },
      },
      config: { access: 'knowledge.acknowledgements.read' },
    },
    async (request) => acknowledgementBoard(app.db, { limit: request.query.limit ?? 30 }),
  );

  await app.register(liveNoticeRoutes, { search });

  app.get(
    '/themes',
    {
      schema: { tags: ['knowledge'], response: { 200: Json, ...errors } },
      config: { access: 'knowledge.read' },
    },
    async () => ({ items: await listThemeViews(app.db) }),
  );
  app.post(
    '/themes',
    {
      schema: {
        tags: ['knowledge'],
        body: Type.Object(
          {
            code: ThemeCode,
            nameFr: Type.String({ minLength: 1, maxLength: 200 }),
            nameNl: Type.String({ minLength: 1, maxLength: 200 }),
            reviewDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Json, ...errors },
      },
      config: { access: 'knowledge.manage' },
    },
    async (request, reply) => {
      const theme = await withTransaction(app.db, (trx) => insertTheme(trx, request.actor, request.body));
      return reply.code(201).send({
        code: theme.code,
        nameFr: theme.name_fr,
        nameNl: theme.name_nl,
        reviewDays: theme.review_days,
      });
    },
  );
};
