import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { brusselsDay } from '../../../platform/db/time.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { renderMarkdown } from '../../../platform/markdown.js';
import {
  AsOfQuery,
  DraftView,
  EntryView,
  Feedback,
  HistoryItem,
  Items,
  NewEntry,
  Preview,
  PreviewRequest,
  RefParams,
} from '../contract.js';
import { createEntry } from '../drafts.js';
import { audiencesOf } from '../reader-audiences.js';
import { entryHistory, readEntry } from '../reading.js';
import { recordFeedback, recordUsage } from '../usage.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/** Entries: reading one as of a day, saying whether it helped, its history, and writing a new one. */
export const entryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/entries/:ref',
    {
      schema: {
        tags: ['knowledge'],
        params: RefParams,
        querystring: AsOfQuery,
        response: { 200: EntryView, ...errors },
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
        body: Feedback,
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
    '/entries/:ref/history',
    {
      schema: { tags: ['knowledge'], params: RefParams, response: { 200: Items(HistoryItem), ...errors } },
      config: { access: 'knowledge.manage' },
    },
    async (request) => ({ items: await entryHistory(app.db, request.params.ref) }),
  );

  app.post(
    '/entries',
    {
      schema: { tags: ['knowledge'], body: NewEntry, response: { 201: DraftView, ...errors } },
      config: { access: 'knowledge.write' },
    },
    async (request, reply) => reply.code(201).send(await createEntry(app.db, request.actor, request.body)),
  );

  // The preview goes through the renderer readers get, so the writer (and the reviewer) sees
  // exactly what will be published (a second renderer in the browser could disagree with it).
  app.post(
    '/preview',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'Render a Markdown answer as readers will see it (writes nothing)',
        body: PreviewRequest,
        response: { 200: Preview, ...errors },
      },
      // Reviewers too: they see each answer rendered as readers will before publishing it.
      config: { access: 'knowledge.drafts.read' },
    },
    async (request) => ({ html: renderMarkdown(request.body.markdown) }),
  );
};
