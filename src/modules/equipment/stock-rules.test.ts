import { describe, expect, it } from 'vitest';
import { crossedBelowThreshold, isLowStock } from './stock-rules.js';

describe('low stock', () => {
  it('flags a count under its threshold, never a type without one', () => {
    expect(isLowStock(4, 5)).toBe(true);
    expect(isLowStock(5, 5)).toBe(false);
    expect(isLowStock(0, null)).toBe(false);
    expect(isLowStock(0, 0)).toBe(false);
  });

  it('alerts once per crossing: when a unit takes the stock from the threshold to under it', () => {
    expect(crossedBelowThreshold(5, 4, 5)).toBe(true);
    // Already low: the next units leaving say nothing new.
    expect(crossedBelowThreshold(4, 3, 5)).toBe(false);
    // Still at or above the threshold.
    expect(crossedBelowThreshold(7, 6, 5)).toBe(false);
    expect(crossedBelowThreshold(6, 5, 5)).toBe(false);
    // Several units at once across the line.
    expect(crossedBelowThreshold(6, 2, 5)).toBe(true);
    // Stock coming in, or no threshold.
    expect(crossedBelowThreshold(4, 5, 5)).toBe(false);
    expect(crossedBelowThreshold(1, 0, null)).toBe(false);
  });
});
