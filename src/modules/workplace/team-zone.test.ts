import { describe, expect, it } from 'vitest';
import { TEAM_ZONE_WEEKS, teamZonePeriod, usualZone } from './team-zone.js';

const zones = new Set(['A', 'B', 'C']);

describe("a team's usual zone", () => {
  it('is the zone the team booked most', () => {
    const counts = [
      { zone: 'A', bookings: 3, lastDay: '2026-12-01' },
      { zone: 'B', bookings: 7, lastDay: '2026-11-20' },
    ];
    expect(usualZone(counts, zones)).toBe('B');
  });

  it('breaks a tie by the most recent use, then by id, whatever the order of the rows', () => {
    const recent = { zone: 'C', bookings: 4, lastDay: '2026-12-04' };
    const older = { zone: 'A', bookings: 4, lastDay: '2026-12-01' };
    expect(usualZone([older, recent], zones)).toBe('C');
    expect(usualZone([recent, older], zones)).toBe('C');
    const sameDay = { ...older, lastDay: recent.lastDay };
    expect(usualZone([recent, sameDay], zones)).toBe('A');
    expect(usualZone([sameDay, recent], zones)).toBe('A');
  });

  it('ignores zones no longer on the floor, and is null for a team that never sat there', () => {
    expect(usualZone([{ zone: 'Z', bookings: 9, lastDay: '2026-12-01' }], zones)).toBeNull();
    expect(usualZone([], zones)).toBeNull();
  });

  it('reads the weeks before the day, the day itself excluded', () => {
    expect(teamZonePeriod('2026-12-08')).toEqual({ from: '2026-10-13', to: '2026-12-07' });
    expect(TEAM_ZONE_WEEKS).toBe(8);
  });
});
