import { describe, expect, it } from 'vitest';
import {
  defaultOccupancyPeriod,
  type OccupancyFigure,
  occupancySeries,
  occupancyUnit,
} from './occupancy-series.js';

const figure = (level: OccupancyFigure['level'], id: string, period: string, occupancy: number | null) => ({
  level,
  id,
  period,
  bookings: 4,
  checkIns: 3,
  noShows: 1,
  peakPeople: 3,
  capacity: occupancy === null ? 0 : 6,
  occupancy,
});

describe('occupancy figures on the page', () => {
  const figures = [
    figure('site', 'botanique', '2026-12-08', 0.1),
    figure('zone', 'botanique-03-A', '2026-12-09', 0.5),
    figure('zone', 'botanique-03-A', '2026-12-08', 0.333),
    figure('zone', 'botanique-03-B', '2026-12-08', 0.25),
    figure('zone', 'botanique-03-A', '2026-W50', 0.417),
    figure('floor', 'botanique-03', '2026-12-08', null),
  ];

  it('shows the chosen zone, else its floor, else the whole site', () => {
    expect(occupancyUnit('botanique', 'botanique-03', 'botanique-03-A')).toEqual({
      level: 'zone',
      id: 'botanique-03-A',
    });
    expect(occupancyUnit('botanique', 'botanique-03', null)).toEqual({ level: 'floor', id: 'botanique-03' });
    expect(occupancyUnit('botanique', null, null)).toEqual({ level: 'site', id: 'botanique' });
  });

  it('keeps the days of one unit in date order, with occupancy as a percentage', () => {
    const days = occupancySeries(figures, { level: 'zone', id: 'botanique-03-A' }, 'day');
    expect(days.map((d) => [d.period, d.occupancyPercent])).toEqual([
      ['2026-12-08', 33.3],
      ['2026-12-09', 50],
    ]);
  });

  it('keeps the ISO weeks only when grouped by week, and no percentage without capacity', () => {
    expect(
      occupancySeries(figures, { level: 'zone', id: 'botanique-03-A' }, 'week').map((w) => w.period),
    ).toEqual(['2026-W50']);
    expect(
      occupancySeries(figures, { level: 'floor', id: 'botanique-03' }, 'day')[0]?.occupancyPercent,
    ).toBeNull();
  });

  it('opens on the last four weeks and the next one, Monday to Sunday', () => {
    // Tuesday 8 December 2026: weeks 47 to 50, and week 51.
    expect(defaultOccupancyPeriod('2026-12-08')).toEqual({ from: '2026-11-16', to: '2026-12-20' });
    // A Sunday belongs to the week that began the Monday before.
    expect(defaultOccupancyPeriod('2026-12-13')).toEqual({ from: '2026-11-16', to: '2026-12-20' });
  });
});
