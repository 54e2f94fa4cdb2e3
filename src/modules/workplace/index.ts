/** Workplace: sites, floors, zones and desks; bookings under distancing and capacity rules. */

/** Demo data for the first start: the Botanique building and this week's bookings. */
export { seedWorkplaceDemo } from './demo-seed.js';
/**
 * For telework and equipment: whether a person has a desk on a day, booking a desk on a person's
 * behalf under every rule, their active bookings of a period and cancelling one on their behalf,
 * and the blocked desks with their reason; each site with its desks (equipment's stock rooms and demo).
 */
export {
  activeBookingsOf,
  blockedDesks,
  bookDeskFor,
  cancelBookingFor,
  hasBookingOn,
  sitesWithDesks,
} from './for-other-modules.js';
/** Loading a building's plan file (CLI `desks import-plan`), all or nothing, idempotent. */
export { importPlan, type PlanImportReport } from './import-plan.js';
/** The booking API, mounted at /api/v1/workplace. */
export { workplaceRoutes } from './routes.js';
