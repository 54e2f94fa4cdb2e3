import { DEFAULT_SITE_RULES, type SiteRules } from './contract.js';
import type { SiteRulesRow } from './tables.js';

/** A site's rules as the contract says them; a site nobody configured books under the defaults. */
export function rulesFromRow(row: SiteRulesRow | undefined): SiteRules {
  if (!row) return { ...DEFAULT_SITE_RULES, closingDays: [], checkInBy: { ...DEFAULT_SITE_RULES.checkInBy } };
  const capacity =
    row.zone_capacity_kind === 'people' && row.zone_capacity_value !== null
      ? { people: row.zone_capacity_value }
      : row.zone_capacity_kind === 'percent' && row.zone_capacity_value !== null
        ? { percent: row.zone_capacity_value }
        : null;
  return {
    minDistanceMetres: Number(row.min_distance_metres),
    zoneCapacity: capacity,
    horizonDays: row.horizon_days,
    isWholeDaysOnly: row.is_whole_days_only === 1,
    weeklyOfficeDaysMax: row.weekly_office_days_max,
    closingDays: JSON.parse(row.closing_days) as string[],
    teamRotation: row.team_rotation ? (JSON.parse(row.team_rotation) as SiteRules['teamRotation']) : null,
    checkInBy: {
      am: row.check_in_am ?? DEFAULT_SITE_RULES.checkInBy.am,
      pm: row.check_in_pm ?? DEFAULT_SITE_RULES.checkInBy.pm,
    },
  };
}

export function rowFromRules(
  siteId: string,
  rules: SiteRules,
  changed: { at: string; by: string | null },
): SiteRulesRow {
  const capacity = rules.zoneCapacity;
  return {
    site_id: siteId,
    min_distance_metres: rules.minDistanceMetres,
    zone_capacity_kind: capacity ? ('people' in capacity ? 'people' : 'percent') : null,
    zone_capacity_value: capacity ? ('people' in capacity ? capacity.people : capacity.percent) : null,
    horizon_days: rules.horizonDays,
    is_whole_days_only: rules.isWholeDaysOnly ? 1 : 0,
    weekly_office_days_max: rules.weeklyOfficeDaysMax,
    closing_days: JSON.stringify([...rules.closingDays].sort()),
    team_rotation: rules.teamRotation ? JSON.stringify(rules.teamRotation) : null,
    check_in_am: rules.checkInBy?.am ?? null,
    check_in_pm: rules.checkInBy?.pm ?? null,
    updated_at: changed.at,
    updated_by: changed.by,
  };
}
