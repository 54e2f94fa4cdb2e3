import { namesOfPeople } from '../directory/index.js';
import { checkInDeadline } from './check-in-rules.js';
import type { Booking, BookingStatus, CheckInTimes, Slot } from './contract.js';
import { type Db, findDesk, findFloor, findSiteRules, forOtherModules } from './repository.js';
import { rulesFromRow } from './site-rules.js';
import type { BookingRow, DeskRow, FloorRow } from './tables.js';

/** Bookings as the API shows them: desk, zone, floor, site, and the names of the person and booker. */
export async function toBookings(db: Db, rows: readonly BookingRow[]): Promise<Booking[]> {
  const desks = new Map<string, DeskRow | undefined>();
  const floors = new Map<string, FloorRow | undefined>();
  const checkInTimes = new Map<string, CheckInTimes | undefined>();
  for (const row of rows) {
    if (!desks.has(row.desk_id)) desks.set(row.desk_id, await findDesk(db, row.desk_id));
    if (!floors.has(row.floor_id)) floors.set(row.floor_id, await findFloor(db, row.floor_id));
    const site = floors.get(row.floor_id)?.site_id ?? '';
    if (!checkInTimes.has(site))
      checkInTimes.set(site, rulesFromRow(await findSiteRules(db, site)).checkInBy);
  }
  const people = rows.flatMap((row) => [row.person_id, ...(row.created_by ? [row.created_by] : [])]);
  const names = await namesOfPeople(forOtherModules(db), people);
  return rows.map((row) => ({
    id: row.id,
    desk: row.desk_id,
    zone: desks.get(row.desk_id)?.zone_id ?? '',
    floor: row.floor_id,
    site: floors.get(row.floor_id)?.site_id ?? '',
    date: row.booked_on,
    slot: row.slot as Slot,
    status: row.status as BookingStatus,
    person: { id: row.person_id, name: names.get(row.person_id) ?? '' },
    bookedBy:
      row.created_by && row.created_by !== row.person_id
        ? (names.get(row.created_by) ?? row.created_by)
        : null,
    createdAt: row.created_at,
    checkInBy: checkInDeadline(row.slot as Slot, checkInTimes.get(floors.get(row.floor_id)?.site_id ?? '')),
  }));
}
