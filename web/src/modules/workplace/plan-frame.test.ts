import { describe, expect, it } from 'vitest';
import { planViewBox, polygonPoints, zoneLabelPoint } from './plan-frame.js';

const square = [
  [1, 1],
  [12, 1],
  [12, 20.4],
  [1, 20.4],
];

describe('plan frame', () => {
  it('holds every zone and desk with a metre to spare', () => {
    const desks = [{ x: 14, y: 3 }] as Parameters<typeof planViewBox>[0]['desks'];
    const zones = [{ polygon: square }] as Parameters<typeof planViewBox>[0]['zones'];
    expect(planViewBox({ zones, desks })).toBe('0 0 15 21.4');
  });

  it('draws an empty floor without failing', () => {
    expect(planViewBox({ zones: [], desks: [] })).toBe('0 0 10 10');
  });

  it('writes polygons as SVG points and labels zones inside their top-left corner', () => {
    expect(polygonPoints(square)).toBe('1,1 12,1 12,20.4 1,20.4');
    expect(zoneLabelPoint(square)).toEqual({ x: 1.3, y: 1.8 });
  });
});
