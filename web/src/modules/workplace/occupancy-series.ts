import type { OccupancyReport } from '../../../../src/modules/workplace/contract.js';
import { addDays } from './bookable-days.js';

export type OccupancyFigure = OccupancyReport['figures'][number];
export type OccupancyGrouping = 'day' | 'week';
/** One row of the chart and its table: the figures of a day or a week, occupancy as a percentage. */
export type OccupancyPoint = OccupancyFigure & { occupancyPercent: number | null };

const WEEK = /^\d{4}-W\d{2}$/;

/** The unit the figures are about: a zone when one is chosen, else its floor, else the whole site. */
export function occupancyUnit(
  siteId: string,
  floorId: string | null,
  zoneId: string | null,
): { level: OccupancyFigure['level']; id: string } {
  if (zoneId) return { level: 'zone', id: zoneId };
  if (floorId) return { level: 'floor', id: floorId };
  return { level: 'site', id: siteId };
}

/** The figures of one unit, day by day or week by week, in time order. */
export function occupancySeries(
  figures: readonly OccupancyFigure[],
  unit: { level: OccupancyFigure['level']; id: string },
  grouping: OccupancyGrouping,
): OccupancyPoint[] {
  return figures
    .filter(
      (f) => f.level === unit.level && f.id === unit.id && WEEK.test(f.period) === (grouping === 'week'),
    )
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((f) => ({
      ...f,
      occupancyPercent: f.occupancy === null ? null : Math.round(f.occupancy * 1000) / 10,
    }));
}

/**
 * The period the page opens on: the last four weeks (this one included) and the next one, whole ISO
 * weeks from Monday to Sunday, so a week's figures are never cut in half.
 */
export function defaultOccupancyPeriod(today: string): { from: string; to: string } {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  const monday = addDays(today, 1 - weekday);
  return { from: addDays(monday, -21), to: addDays(monday, 13) };
}
