import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assetRoutes } from './asset-routes.js';
import { deliveryRoutes } from './delivery-routes.js';
import { profileRoutes } from './profile-routes.js';
import { requestRoutes } from './request-routes.js';
import { stockRoutes } from './stock-routes.js';

/** The equipment API, mounted at /api/v1/equipment: each area registers its own routes. */
export const equipmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Areas register here: assets, profiles and requests, deliveries, reports.
  await app.register(deliveryRoutes);
  await app.register(assetRoutes);
  await app.register(stockRoutes);
  await app.register(profileRoutes);
  await app.register(requestRoutes);
};
