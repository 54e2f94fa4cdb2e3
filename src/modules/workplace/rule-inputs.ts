import type { RuleBooking, RuleDesk } from './booking-rules.js';
import type { Slot, ZoneCapacity } from './contract.js';
import type { FloorDayBookingRow } from './repository.js';
import { capacityFromColumns } from './site-rules.js';
import type { BookingRow, DeskRow, ZoneRow } from './tables.js';

// Rows as the pure rules read them.

export const ruleDesk = (
  row: Pick<DeskRow, 'id' | 'zone_id' | 'x' | 'y' | 'is_blocked' | 'is_retired'>,
): RuleDesk => ({
  id: row.id,
  zoneId: row.zone_id,
  x: Number(row.x),
  y: Number(row.y),
  isBlocked: row.is_blocked === 1,
  isRetired: row.is_retired === 1,
});

export const ruleBooking = (row: BookingRow): RuleBooking => ({
  deskId: row.desk_id,
  personId: row.person_id,
  date: row.booked_on,
  slot: row.slot as Slot,
});

/** The zones that have a capacity of their own, by id. */
export function zoneCapacities(rows: readonly ZoneRow[]): Map<string, ZoneCapacity> {
  const capacities = new Map<string, ZoneCapacity>();
  for (const row of rows) {
    const capacity = capacityFromColumns(row.capacity_kind, row.capacity_value);
    if (capacity) capacities.set(row.id, capacity);
  }
  return capacities;
}

/** The desk a floor's booking read for the rules holds (listFloorDayBookingsNear). */
export const ruleDeskOfBooking = (row: FloorDayBookingRow): RuleDesk =>
  ruleDesk({
    id: row.desk_id,
    zone_id: row.desk_zone_id,
    x: row.desk_x,
    y: row.desk_y,
    is_blocked: row.desk_is_blocked,
    is_retired: row.desk_is_retired,
  });
