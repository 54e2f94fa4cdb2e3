import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../../platform/errors.js';
import { problemResponses } from '../../../platform/http/validation.js';
import {
  Comment,
  DraftPatch,
  DraftView,
  OptionalComment,
  Publication,
  RefParams,
  TranslationConfirmation,
} from '../contract.js';
import {
  confirmTranslation,
  getEntryOrThrow,
  returnToDraft,
  submitForReview,
  toDraftView,
  updateDraft,
} from '../drafts.js';
import { publishDraft, withdrawEntry } from '../publishing.js';
import { findDraft } from '../repository.js';
import type { KnowledgeSearch } from '../search-service.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/**
 * The writing workflow of an entry: its draft, edited, translated, submitted, returned or published
 * by a reviewer; and withdrawal. Publishing and withdrawing re-sync the search index.
 */
export const draftRoutes: FastifyPluginAsyncTypebox<{ search: KnowledgeSearch }> = async (
  app,
  { search },
) => {
  app.get(
    '/entries/:ref/draft',
    {
      schema: { tags: ['knowledge'], params: RefParams, response: { 200: DraftView, ...errors } },
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
        response: { 200: DraftView, ...errors },
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
        body: TranslationConfirmation,
        response: { 200: DraftView, ...errors },
      },
      config: { access: 'knowledge.write' },
    },
    async (request) => confirmTranslation(app.db, request.actor, request.params.ref, request.body.language),
  );

  app.post(
    '/entries/:ref/draft/submit',
    {
      schema: { tags: ['knowledge'], params: RefParams, response: { 200: DraftView, ...errors } },
      config: { access: 'knowledge.write' },
    },
    async (request) => submitForReview(app.db, request.actor, request.params.ref),
  );

  app.post(
    '/entries/:ref/draft/return',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        body: Comment,
        response: { 200: DraftView, ...errors },
      },
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
        response: { 200: Publication, ...errors },
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
};
