/** Equipment: assets and their moves, profiles and kits, requests, deliveries and signed receipt. */

/** Demo data for the first start: profiles, type policies and the ICT service's 2020. */
export { type EquipmentDemoReport, seedEquipmentDemo } from './demo-seed.js';
/** The equipment API, mounted at /api/v1/equipment. */
export { equipmentRoutes } from './routes.js';
/** The tables the equipment module owns. */
export type { EquipmentTables } from './tables.js';
