import type { FloorPlan } from '../../../../src/modules/workplace/contract.js';

/**
 * Space kept around the plan's outermost zone or desk, in metres: edge desks are not cut, and the
 * zone names written above the zones fit.
 */
const MARGIN_METRES = 1.2;

/** The SVG viewBox that holds every zone and desk of a floor, in the plan's metres. */
export function planViewBox(plan: Pick<FloorPlan, 'zones' | 'desks'>): string {
  const points = [
    ...plan.zones.flatMap((zone) => zone.polygon.map(([x, y]) => ({ x: x ?? 0, y: y ?? 0 }))),
    ...plan.desks.map((desk) => ({ x: desk.x, y: desk.y })),
  ];
  if (points.length === 0) return '0 0 10 10';
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const left = Math.min(...xs) - MARGIN_METRES;
  const top = Math.min(...ys) - MARGIN_METRES;
  const width = Math.max(...xs) + MARGIN_METRES - left;
  const height = Math.max(...ys) + MARGIN_METRES - top;
  return [left, top, width, height].map((n) => Math.round(n * 100) / 100).join(' ');
}

/** Where a zone's name and occupancy are written: just above its top-left corner, clear of its desks. */
export function zoneLabelPoint(polygon: readonly (readonly number[])[]): { x: number; y: number } {
  const xs = polygon.map((p) => p[0] ?? 0);
  const ys = polygon.map((p) => p[1] ?? 0);
  return { x: Math.min(...xs), y: Math.min(...ys) - 0.2 };
}

/** The middle of a zone (the mean of its corners): good enough to say which desks lie nearest. */
export function zoneCentre(polygon: readonly (readonly number[])[]): { x: number; y: number } {
  const count = Math.max(polygon.length, 1);
  return {
    x: polygon.reduce((sum, p) => sum + (p[0] ?? 0), 0) / count,
    y: polygon.reduce((sum, p) => sum + (p[1] ?? 0), 0) / count,
  };
}

/** An SVG `points` attribute from a plan polygon. */
export const polygonPoints = (polygon: readonly (readonly number[])[]): string =>
  polygon.map(([x, y]) => `${x},${y}`).join(' ');
