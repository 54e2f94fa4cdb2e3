import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The equipment API, mounted at /api/v1/equipment: each area registers its own routes. */
export const equipmentRoutes: FastifyPluginAsyncTypebox = async (_app) => {
  // Areas register here: assets, profiles and requests, deliveries, reports.
};
