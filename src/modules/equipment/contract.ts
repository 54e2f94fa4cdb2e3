import { type Static, Type } from 'typebox';

// What the web app may know of the equipment module: the vocabularies, the limits and the wire
// shapes of its routes. TypeBox only, so the browser bundle pulls in no server code. Each area's
// wire shapes sit in their own file (asset-contract.ts, request-contract.ts,
// delivery-contract.ts, report-contract.ts), re-exported here.

/** The kinds of equipment the ICT service keeps. */
export const ASSET_TYPES = [
  'laptop',
  'screen',
  'docking_station',
  'headset',
  'keyboard',
  'mouse',
  'phone',
  'chair',
  'other',
] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export const AssetTypeSchema = Type.Enum([...ASSET_TYPES]);

/**
 * An asset's life: in a stock room, set aside for a request, with a person (at a desk or at home),
 * on its way with a carrier, away for repair, or retired for good.
 */
export const ASSET_STATUSES = [
  'in_stock',
  'reserved',
  'assigned',
  'in_transit',
  'in_repair',
  'retired',
] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];
export const AssetStatusSchema = Type.Enum([...ASSET_STATUSES]);

/** Where an asset is: a site's stock room, a desk of a site, a person's home, or with a carrier. */
export const ASSET_LOCATIONS = ['stock', 'desk', 'home', 'carrier'] as const;
export type AssetLocation = (typeof ASSET_LOCATIONS)[number];
export const AssetLocationSchema = Type.Enum([...ASSET_LOCATIONS]);

/** How a request's unit reaches the person: shipped to an address, or handed over at a site. */
export const DELIVERY_MODES = ['home', 'site'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DeliveryModeSchema = Type.Enum([...DELIVERY_MODES]);

/** A unit from stock, or money towards buying one (capped per type and period). */
export const REQUEST_KINDS = ['item', 'contribution'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * A request's steps. An item: (awaiting_approval →) open → reserved → shipped → delivered →
 * received, or refused / cancelled / returned. A contribution: (awaiting_approval →) open → paid,
 * or refused / cancelled.
 */
export const REQUEST_STATUSES = [
  'awaiting_approval',
  'open',
  'reserved',
  'shipped',
  'delivered',
  'received',
  'returned',
  'paid',
  'refused',
  'cancelled',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RequestStatusSchema = Type.Enum([...REQUEST_STATUSES]);

/** In a profile: part of the default kit, or available on request. */
export const PROFILE_ITEM_MODES = ['default', 'on_request'] as const;
export type ProfileItemMode = (typeof PROFILE_ITEM_MODES)[number];

/** A delivery batch's steps. */
export const DELIVERY_STATUSES = ['prepared', 'shipped', 'delivered', 'returned'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DeliveryStatusSchema = Type.Enum([...DELIVERY_STATUSES]);

/** An asset tag as printed on its label: letters, digits and dashes. */
export const AssetTag = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$' });
export type AssetTag = Static<typeof AssetTag>;

/** Deliveries, signed receipt, returns and the deliveries report. */
export * from './delivery-contract.js';
