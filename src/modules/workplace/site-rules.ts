import { DEFAULT_SITE_RULES, type SiteRules, type ZoneCapacity } from './contract.js';
import type { SiteRulesRow } from './tables.js';

/** A capacity as two columns store it: `people` or `percent`, and the number. */
export function capacityFromColumns(kind: string | null, value: number | null): ZoneCapacity | null {
  if (value === null) return null;
  if (kind === 'people') return { people: Number(value) };
  if (kind === 'percent') return { percent: Number(value) };
  return null;
}

export function columnsFromCapacity(capacity: ZoneCapacity | null): {
  kind: 'people' | 'percent' | null;
  value: number | null;
} {
  if (!capacity) return { kind: null, value: null };
  return 'people' in capacity
    ? { kind: 'people', value: capacity.people }
    : { kind: 'percent', value: capacity.percent };
}

/** A site's rules as the contract says them; a site nobody configured books under the defaults. */
export function rulesFromRow(row: SiteRulesRow | undefined): SiteRules {
  if (!row) return { ...DEFAULT_SITE_RULES, closingDays: [], checkInBy: { ...DEFAULT_SITE_RULES.checkInBy } };
  return {
    minDistanceMetres: Number(row.min_distance_metres),
    zoneCapacity: capacityFromColumns(row.zone_capacity_kind, row.zone_capacity_value),
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
  const capacity = columnsFromCapacity(rules.zoneCapacity);
  return {
    site_id: siteId,
    min_distance_metres: rules.minDistanceMetres,
    zone_capacity_kind: capacity.kind,
    zone_capacity_value: capacity.value,
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
