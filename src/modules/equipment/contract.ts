// What the web app may know of the equipment module: the vocabularies, the limits and the wire
// shapes of its routes, one file an area under contract/ (they import the vocabulary from
// contract/vocabulary.ts, never from here, so no file reads this one before it has run). TypeBox
// only, so the browser bundle pulls in no server code.

/** Assets and their history, the import, labels. */
export * from './contract/asset-contract.js';
/** Deliveries, signed receipt, returns and the deliveries report. */
export * from './contract/delivery-contract.js';
/** The desks blocked for distancing and the units on them. */
export * from './contract/recovery-contract.js';
/** Profiles, type policies, requests and contributions, kits, reservation. */
export * from './contract/request-contract.js';
/** Stock per type and site, and who has what at home. */
export * from './contract/stock-contract.js';
/** Types of equipment, statuses, places, delivery modes, request kinds and steps. */
export * from './contract/vocabulary.js';
