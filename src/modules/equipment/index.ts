/** Equipment: assets and their moves, profiles and kits, requests, deliveries and signed receipt. */

/** The equipment API, mounted at /api/v1/equipment. */
export { equipmentRoutes } from './routes.js';
/** The tables the equipment module owns. */
export type { EquipmentTables } from './tables.js';
