import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { deliveryRoutes } from './delivery-routes.js';

/** The equipment API, mounted at /api/v1/equipment: each area registers its own routes. */
export const equipmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Areas register here: assets, profiles and requests, deliveries, reports.
  await app.register(deliveryRoutes);
};
