import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnswerCache } from './public/cache.js';
import { PublicMissRecorder } from './public/misses.js';
import { publicFaqSite } from './public/site/routes.js';
import { knowledgeRoutes } from './routes/index.js';
import { publicFaqApiRoutes } from './routes/public-faq.js';
import { SearchMissLog } from './search-miss-log.js';
import { KnowledgeSearch } from './search-service.js';

/**
 * The knowledge module over HTTP: the agents' and editors' API, the public FAQ's API and the
 * public FAQ site (server-rendered pages under /faq). All three read one search index, so the
 * public finds what agents find, in the same order, kept in step by the same change feed.
 */
export const knowledgeModule: FastifyPluginAsyncTypebox = async (app) => {
  const search = new KnowledgeSearch(app.db);
  // Every search, the agents' and the public's, answered from the index or its cache of answers.
  const latency = app.metrics.histogram({
    name: 'relais_knowledge_search_duration_seconds',
    help: 'Time the FAQ search took on this instance (agents and public), from its index or cache',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
  });
  search.onSearched = (seconds) => latency.observe(seconds);
  // Building the index is CPU work on this thread: it starts once the server listens, so a restart
  // answers health checks at once; searches arriving earlier wait for it (whenReady), and an app
  // that never listens (tests, the CLI) builds it on its first search.
  app.addHook('onListen', async () => {
    setImmediate(() =>
      search
        .start()
        .catch((error) => app.log.error({ err: error }, 'knowledge search index: first build failed')),
    );
  });
  const misses = new SearchMissLog(app.db, app.log);
  app.addHook('onClose', async () => {
    search.stop();
    await misses.flush();
  });

  await app.register(knowledgeRoutes, { prefix: '/api/v1/knowledge', search, misses });
  // One memory budget for the rendered public answers of both.
  const answers = new AnswerCache();
  await app.register(publicFaqApiRoutes, { prefix: '/api/v1/public/faq', search, answers });
  await app.register(publicFaqSite, {
    prefix: '/faq',
    search,
    answers,
    misses: new PublicMissRecorder(misses),
  });
};
