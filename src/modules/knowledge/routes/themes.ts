import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withTransaction } from '../../../platform/db/transaction.js';
import { problemResponses } from '../../../platform/http/validation.js';
import { Items, NewTheme, ThemeView } from '../contract.js';
import { listThemeViews } from '../reading.js';
import { insertTheme } from '../themes.js';

const errors = problemResponses(400, 401, 403, 404, 409);

/** The FAQ's themes, each with how often its entries must be reviewed. */
export const themeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/themes',
    {
      schema: { tags: ['knowledge'], response: { 200: Items(ThemeView), ...errors } },
      config: { access: 'knowledge.read' },
    },
    async () => ({ items: await listThemeViews(app.db) }),
  );
  app.post(
    '/themes',
    {
      schema: { tags: ['knowledge'], body: NewTheme, response: { 201: ThemeView, ...errors } },
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
