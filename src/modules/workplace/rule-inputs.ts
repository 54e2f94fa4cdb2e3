import type { RuleBooking, RuleDesk } from './booking-rules.js';
import type { Slot } from './contract.js';
import type { FloorDayBookingRow } from './repository.js';
import type { BookingRow, DeskRow } from './tables.js';

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
