import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SearchMissLog } from '../search-miss-log.js';
import type { KnowledgeSearch } from '../search-service.js';
import { changeRoutes } from './changes.js';
import { draftRoutes } from './drafts.js';
import { entryRoutes } from './entries.js';
import { knowledgeExportRoutes } from './exports.js';
import { liveNoticeRoutes } from './live-notices.js';
import { queueRoutes } from './queues.js';
import { searchRoutes } from './search.js';
import { synonymRoutes } from './synonyms.js';
import { themeRoutes } from './themes.js';

/**
 * The FAQ: search, reading as of a date, writing, review, history, queues and themes. `search` is
 * the module's one index (module.ts), shared with the public FAQ.
 */
export const knowledgeRoutes: FastifyPluginAsyncTypebox<{
  search: KnowledgeSearch;
  misses: SearchMissLog;
}> = async (app, { search, misses }) => {
  await app.register(knowledgeExportRoutes);
  await app.register(searchRoutes, { search, misses });
  await app.register(entryRoutes);
  await app.register(synonymRoutes, { search });
  await app.register(draftRoutes, { search });
  await app.register(queueRoutes);
  await app.register(changeRoutes);
  await app.register(liveNoticeRoutes, { search });
  await app.register(themeRoutes);
};
