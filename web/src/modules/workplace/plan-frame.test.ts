import { describe, expect, it } from 'vitest';
import { planViewBox, polygonPoints, zoneCentre, zoneLabelPoint } from './plan-frame.js';

const square = [
  [1, 1],
  [12, 1],
  [12, 20.4],
  [1, 20.4],
];

describe('plan frame', () => {
  it('holds every zone and desk with room to spare for the zone names', () => {
    const desks = [{ x: 14, y: 3 }] as Parameters<typeof planViewBox>[0]['desks'];
    const zones = [{ polygon: square }] as Parameters<typeof planViewBox>[0]['zones'];
    expect(planViewBox({ zones, desks })).toBe('-0.2 -0.2 15.4 21.8');
  });

  it('draws an empty floor without failing', () => {
    expect(planViewBox({ zones: [], desks: [] })).toBe('0 0 10 10');
  });

  it('writes polygons as SVG points, labels zones above their top-left corner and finds their middle', () => {
    expect(polygonPoints(square)).toBe('1,1 12,1 12,20.4 1,20.4');
    expect(zoneLabelPoint(square)).toEqual({ x: 1, y: 0.8 });
    expect(zoneCentre(square)).toEqual({ x: 6.5, y: 10.7 });
  });
});
