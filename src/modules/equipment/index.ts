/** Equipment: assets and their moves, profiles and kits, requests, deliveries and signed receipt. */

/** Registering the units of an import file, all or nothing (CLI `assets import` and the API). */
export { importAssets } from './asset-import.js';
/**
 * The one way an asset's status or place changes (reservation, shipping, recovery, ICT's edits):
 * updates the row under its version and appends the move to its history, in the caller's transaction.
 */
export { type AssetChangeOfPlace, type MoveActor, moveAsset } from './asset-moves.js';
/** Demo data for the first start: profiles, type policies and the ICT service's 2020. */
export { type EquipmentDemoReport, seedEquipmentDemo } from './demo-seed.js';
/** Other modules name an asset by its tag (the helpdesk's tickets): the unit, or undefined if none has it. */
export { type AssetOfTag, assetOfTag } from './for-other-modules.js';
/** The equipment API, mounted at /api/v1/equipment. */
export { equipmentRoutes } from './routes.js';
/** After units left stock: mail to ICT when the type's stock just fell under its threshold. */
export { alertIfLowStock } from './stock-alert.js';
/** The pure low-stock rules. */
export { crossedBelowThreshold, isLowStock } from './stock-rules.js';
/** The tables the equipment module owns. */
export type { EquipmentTables } from './tables.js';
