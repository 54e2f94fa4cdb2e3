import { notFound } from '../../platform/errors.js';
import { teamOf } from '../directory/index.js';
import type { FloorPlan, FloorSummary, PlanPoint, SiteList, Slot } from './contract.js';
import { deskStates, zoneOccupancy } from './floor-map.js';
import {
  countBookingsPerZone,
  countDesksPerFloor,
  type Db,
  findFloor,
  findSiteRules,
  forOtherModules,
  listActiveBookingsOfFloor,
  listDesksOfFloors,
  listFloorsOfSites,
  listSiteRules,
  listSites,
  listZonesOfFloors,
} from './repository.js';
import { ruleBooking, ruleDesk } from './rule-inputs.js';
import { capacityFromColumns, rulesFromRow } from './site-rules.js';
import type { FloorRow, ZoneRow } from './tables.js';
import { teamZonePeriod, usualZone } from './team-zone.js';

const ownCapacity = (zone: ZoneRow) => capacityFromColumns(zone.capacity_kind, zone.capacity_value);

const floorSummary = (floor: FloorRow, deskCount: number): FloorSummary => ({
  id: floor.id,
  level: floor.level,
  name: { fr: floor.name_fr, nl: floor.name_nl, en: floor.name_en },
  deskCount,
});

/** Every site with its rules and its floors (those still in the plan). */
export async function listSitesWithFloors(db: Db): Promise<SiteList> {
  const sites = await listSites(db);
  const [floors, rules, deskCounts] = await Promise.all([
    listFloorsOfSites(
      db,
      sites.map((site) => site.id),
    ),
    listSiteRules(db),
    countDesksPerFloor(db),
  ]);
  const rulesBySite = new Map(rules.map((row) => [row.site_id, row]));
  return {
    items: sites.map((site) => ({
      id: site.id,
      name: site.name,
      address: site.address,
      timezone: site.timezone,
      rules: rulesFromRow(rulesBySite.get(site.id)),
      floors: floors
        .filter((floor) => floor.site_id === site.id && floor.is_retired === 0)
        .map((floor) => floorSummary(floor, deskCounts.get(floor.id) ?? 0)),
    })),
  };
}

/** What a floor map needs for a date and slot: zones with their occupancy, desks with their state. */
export async function readFloorPlan(
  db: Db,
  personId: string,
  floorId: string,
  date: string,
  slot: Slot,
): Promise<FloorPlan> {
  const floor = await findFloor(db, floorId);
  if (!floor || floor.is_retired === 1) throw notFound('workplace.floor_not_found', { floor: floorId });
  const [rulesRow, zones, deskRows, bookingRows, teamCounts] = await Promise.all([
    findSiteRules(db, floor.site_id),
    listZonesOfFloors(db, [floor.id]),
    listDesksOfFloors(db, [floor.id]),
    listActiveBookingsOfFloor(db, floor.id, date),
    teamOf(forOtherModules(db), personId).then((team) =>
      countBookingsPerZone(db, floor.id, team.length > 0 ? team : [personId], teamZonePeriod(date)),
    ),
  ]);
  const currentZones = zones.filter((zone) => zone.is_retired === 0);
  const rules = rulesFromRow(rulesRow);
  const desks = deskRows.map(ruleDesk);
  const bookings = bookingRows.map(ruleBooking);
  const states = deskStates(desks, bookings, slot, rules, personId);
  const current = deskRows.filter((desk) => desk.is_retired === 0);
  return {
    site: floor.site_id,
    floor: floorSummary(floor, current.length),
    date,
    slot,
    minDistanceMetres: rules.minDistanceMetres,
    teamZone: usualZone(teamCounts, new Set(currentZones.map((zone) => zone.id))),
    zones: currentZones.map((zone) => ({
      id: zone.id,
      name: { fr: zone.name_fr, nl: zone.name_nl, en: zone.name_en },
      polygon: JSON.parse(zone.polygon) as PlanPoint[],
      ...zoneOccupancy(zone.id, desks, bookings, slot, rules, ownCapacity(zone)),
      ownCapacity: ownCapacity(zone),
    })),
    desks: current.map((desk) => ({
      id: desk.id,
      zone: desk.zone_id,
      x: Number(desk.x),
      y: Number(desk.y),
      features: JSON.parse(desk.features) as string[],
      state: states.get(desk.id)?.state ?? 'free',
      blockedReason: desk.is_blocked === 1 ? desk.blocked_reason : null,
      isMine: states.get(desk.id)?.isMine ?? false,
    })),
  };
}
