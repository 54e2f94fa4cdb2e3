// The low-stock rule, pure. A type's threshold is the number of units ICT wants in stock at least;
// a type without one is never low.

/** Whether a stock count is under its threshold (flagged in the report). */
export const isLowStock = (count: number, threshold: number | null): boolean =>
  threshold !== null && count < threshold;

/**
 * Whether ICT must hear of it: units left stock and the count went from at or above the threshold
 * to under it. Once per crossing: further units leaving an already low stock say nothing new, and
 * the alert comes again only after the stock was refilled to the threshold and fell again.
 */
export const crossedBelowThreshold = (before: number, after: number, threshold: number | null): boolean =>
  threshold !== null && after < before && before >= threshold && after < threshold;
