import { describe, expect, it } from 'vitest';
import type { DeskOnMap, ZoneOccupancy } from '../../../../src/modules/workplace/contract.js';
import { suggestDesk, suggestionMessage } from './suggest-desk.js';

const zone = (id: string, left: number, booked = 0, capacity = 10): ZoneOccupancy => ({
  id,
  name: { fr: id, nl: id, en: id },
  polygon: [
    [left, 0],
    [left + 10, 0],
    [left + 10, 10],
    [left, 10],
  ],
  deskCount: 20,
  capacity,
  ownCapacity: null,
  booked,
});
const desk = (
  id: string,
  zoneId: string,
  x: number,
  y: number,
  state: DeskOnMap['state'] = 'free',
): DeskOnMap => ({
  id,
  zone: zoneId,
  x,
  y,
  features: [],
  state,
  blockedReason: null,
  isMine: false,
});
describe('suggestDesk', () => {
  const zones = [zone('A', 0), zone('B', 20)];

  it('picks the free desk nearest to the middle of the usual zone', () => {
    const desks = [desk('A-1', 'A', 1, 1), desk('A-2', 'A', 5, 6), desk('B-1', 'B', 25, 5)];
    expect(suggestDesk(desks, zones, 'A')?.id).toBe('A-2');
    expect(suggestDesk(desks, zones, 'B')?.id).toBe('B-1');
  });

  it('never suggests a desk that is taken, too close, blocked, or in a full zone', () => {
    const desks = [
      desk('A-1', 'A', 5, 5, 'taken'),
      desk('A-2', 'A', 5, 6, 'too_close'),
      desk('A-3', 'A', 6, 5, 'blocked'),
      desk('A-4', 'A', 1, 1),
      desk('B-1', 'B', 25, 5),
    ];
    expect(suggestDesk(desks, zones, 'A')?.id).toBe('A-4');
    expect(suggestDesk(desks, [zone('A', 0, 10, 10), zone('B', 20)], 'A')?.id).toBe('B-1');
  });

  it('without a usual zone, goes to the zone with most room; nothing when nothing is free', () => {
    const desks = [desk('A-1', 'A', 5, 5), desk('B-1', 'B', 25, 5)];
    expect(suggestDesk(desks, [zone('A', 0, 8), zone('B', 20, 1)], null)?.id).toBe('B-1');
    expect(suggestDesk([desk('A-1', 'A', 5, 5, 'taken')], zones, 'A')).toBeUndefined();
  });
});

describe('suggestionMessage', () => {
  it("says whether the desk is in the team's zone, near it, or simply where there is most room", () => {
    expect(suggestionMessage(desk('A-1', 'A', 1, 1), 'A')).toBe('suggested_team');
    expect(suggestionMessage(desk('B-1', 'B', 21, 1), 'A')).toBe('suggested_near_team');
    expect(suggestionMessage(desk('B-1', 'B', 21, 1), null)).toBe('suggested');
  });
});
