import type { RuleBooking, RuleDesk } from './booking-rules.js';
import type { Slot } from './contract.js';
import type { BookingRow, DeskRow } from './tables.js';

// Rows as the pure rules read them.

export const ruleDesk = (row: DeskRow): RuleDesk => ({
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
