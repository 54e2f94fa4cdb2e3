import { notFound } from '../../platform/errors.js';
import { toBookings } from './booking-view.js';
import { checkInDeadline, checkInStanding } from './check-in-rules.js';
import { DEFAULT_SITE_RULES, type DeskCheckIn, type LocalizedName, type Slot } from './contract.js';
import {
  type Db,
  findDesk,
  findFloor,
  findSite,
  findSiteRules,
  listBookingsOfPersonAtDesk,
  listZonesOfFloors,
} from './repository.js';
import { rulesFromRow } from './site-rules.js';

const nameOf = (row: { name_fr: string; name_nl: string; name_en: string }): LocalizedName => ({
  fr: row.name_fr,
  nl: row.name_nl,
  en: row.name_en,
});

/**
 * A desk as its QR code's page shows it: where it stands, and what the caller may do there today
 * (check in, already checked in, released, or no booking of theirs). A retired desk is no desk.
 */
export async function deskCheckIn(
  db: Db,
  personId: string,
  deskId: string,
  today: string,
): Promise<DeskCheckIn> {
  const desk = await findDesk(db, deskId);
  const floor = desk && desk.is_retired === 0 ? await findFloor(db, desk.floor_id) : undefined;
  const site = floor && (await findSite(db, floor.site_id));
  if (!desk || !floor || !site) throw notFound('workplace.desk_not_found', { desk: deskId });
  const zone = (await listZonesOfFloors(db, [floor.id])).find((z) => z.id === desk.zone_id);
  const rows = await listBookingsOfPersonAtDesk(db, personId, deskId, today);
  const { standing, booking } = checkInStanding(rows.map((row) => ({ ...row, slot: row.slot as Slot })));
  const [view] = booking ? await toBookings(db, [booking]) : [];
  const checkInBy = rulesFromRow(await findSiteRules(db, site.id)).checkInBy ?? DEFAULT_SITE_RULES.checkInBy;
  return {
    desk: desk.id,
    zone: {
      id: desk.zone_id,
      name: zone ? nameOf(zone) : { fr: desk.zone_id, nl: desk.zone_id, en: desk.zone_id },
    },
    floor: { id: floor.id, name: nameOf(floor) },
    site: { id: site.id, name: site.name },
    date: today,
    standing,
    booking: view ?? null,
    deadline: booking ? checkInDeadline(booking.slot as Slot, checkInBy) : null,
    checkInBy,
    checkedInAt: booking?.checked_in_at ?? null,
  };
}
