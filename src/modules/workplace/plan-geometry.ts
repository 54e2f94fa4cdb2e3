import type { PlanPoint } from './contract.js';

// Plans are drawn by hand: a desk standing exactly on a wing's wall line belongs to that wing.
const ON_EDGE_METRES = 1e-6;

function isOnSegment(x: number, y: number, a: PlanPoint, b: PlanPoint): boolean {
  const [ax, ay, bx, by] = [a[0]!, a[1]!, b[0]!, b[1]!];
  const cross = (x - ax) * (by - ay) - (y - ay) * (bx - ax);
  const length = Math.hypot(bx - ax, by - ay);
  if (Math.abs(cross) > ON_EDGE_METRES * Math.max(length, 1)) return false;
  return (
    Math.min(ax, bx) - ON_EDGE_METRES <= x &&
    x <= Math.max(ax, bx) + ON_EDGE_METRES &&
    Math.min(ay, by) - ON_EDGE_METRES <= y &&
    y <= Math.max(ay, by) + ON_EDGE_METRES
  );
}

/** Whether a point lies inside a polygon or on its edge (even-odd rule, any simple polygon). */
export function isInsidePolygon(x: number, y: number, polygon: readonly PlanPoint[]): boolean {
  let isInside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (isOnSegment(x, y, a, b)) return true;
    const [ax, ay, bx, by] = [a[0]!, a[1]!, b[0]!, b[1]!];
    const crosses = ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax;
    if (crosses) isInside = !isInside;
  }
  return isInside;
}

/** Straight-line distance between two desks, in metres. */
export const distanceMetres = (a: { x: number; y: number }, b: { x: number; y: number }): number =>
  Math.hypot(a.x - b.x, a.y - b.y);
