import { invalid, notFound } from '../../platform/errors.js';
import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { zoneCapacity } from './booking-rules.js';
import { addDays, daysBetween, siteCalendar } from './calendar.js';
import { type OccupancyQuery, type OccupancyReport, type Slot, WorkplaceLimits } from './contract.js';
import { occupancyFigures } from './occupancy-rules.js';
import {
  type Db,
  findSite,
  findSiteRules,
  listBookingsOfFloorsBetween,
  listDesksOfFloors,
  listFloorsOfSites,
  listZonesOfFloors,
} from './repository.js';
import { capacityFromColumns, rulesFromRow } from './site-rules.js';

/** A site's occupancy per site, floor and zone, per open day and ISO week of a period. */
export async function siteOccupancy(db: Db, query: OccupancyQuery): Promise<OccupancyReport> {
  const { site, from, to } = query;
  if (to < from) throw invalid([{ field: 'querystring.to', code: 'workplace.period_reversed' }]);
  if (daysBetween(from, to) > WorkplaceLimits.listDaysMax)
    throw invalid([
      {
        field: 'querystring.to',
        code: 'workplace.period_too_long',
        params: { max: WorkplaceLimits.listDaysMax },
      },
    ]);
  if (!(await findSite(db, site))) throw notFound('workplace.site_not_found', { site });
  const rules = rulesFromRow(await findSiteRules(db, site));
  const floors = await listFloorsOfSites(db, [site]);
  const floorIds = floors.map((f) => f.id);
  const [zones, desks, bookings] = await Promise.all([
    listZonesOfFloors(db, floorIds),
    listDesksOfFloors(db, floorIds),
    listBookingsOfFloorsBetween(db, floorIds, from, to),
  ]);
  const zoneOfDesk = new Map(desks.map((d) => [d.id, d.zone_id]));
  const calendar = siteCalendar(rules.closingDays);
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (!calendar.closedReasonOn(day)) days.push(day);
  const figures = occupancyFigures(
    zones.map((z) => ({
      id: z.id,
      floorId: z.floor_id,
      siteId: site,
      capacity: zoneCapacity(
        desks.filter((d) => d.zone_id === z.id && d.is_retired === 0).length,
        rules,
        capacityFromColumns(z.capacity_kind, z.capacity_value),
      ),
    })),
    bookings.map((b) => ({
      date: b.booked_on,
      slot: b.slot as Slot,
      status: b.status,
      zoneId: zoneOfDesk.get(b.desk_id) ?? '',
    })),
    days,
  );
  return { site, from, to, figures };
}

/** The figures as a table to download, headed in the reader's language. */
export function occupancyExport(
  report: OccupancyReport,
  language: Language,
): TableExport<OccupancyReport['figures'][number]> {
  const t = (key: string) => translate(language, `workplace.occupancy.${key}`);
  return {
    name: `relais-occupancy-${report.site}-${report.from}-${report.to}`,
    sheet: t('sheet'),
    columns: [
      { header: t('level'), width: 8, value: (f) => t(`levels.${f.level}`) },
      { header: t('unit'), width: 24, value: (f) => f.id },
      { header: t('period'), width: 12, value: (f) => f.period },
      { header: t('bookings'), kind: 'number', value: (f) => f.bookings },
      { header: t('check_ins'), kind: 'number', value: (f) => f.checkIns },
      { header: t('no_shows'), kind: 'number', value: (f) => f.noShows },
      { header: t('peak'), kind: 'number', value: (f) => f.peakPeople },
      { header: t('capacity'), kind: 'number', value: (f) => f.capacity },
      { header: t('occupancy'), kind: 'number', value: (f) => f.occupancy },
    ],
    rows: report.figures,
  };
}
