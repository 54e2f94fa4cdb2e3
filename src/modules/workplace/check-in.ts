import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { IdentitySource } from '../../platform/auth/identity.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { translate } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { toBookings } from './booking-view.js';
import type { Booker } from './bookings.js';
import { checkInDeadline, isNoShow } from './check-in-rules.js';
import type { Booking, Slot } from './contract.js';
import {
  type Db,
  findUnclaimedBooking,
  listSiteRules,
  listUnclaimedBookings,
  moveBookingStatus,
  siteIdsOfFloors,
} from './repository.js';
import { rulesFromRow } from './site-rules.js';

/** Checks in the caller's booking of a desk for today (what the desk's QR code opens). */
export async function checkInAtDesk(
  db: Db,
  actor: AuditActor,
  booker: Booker,
  deskId: string,
  today: string,
): Promise<Booking> {
  const row = await withTransaction(db, async (trx) => {
    const booking = await findUnclaimedBooking(trx, booker.id, deskId, today);
    const now = nowInstant();
    if (
      !booking ||
      !(await moveBookingStatus(trx, booking.id, 'booked', {
        status: 'checked_in',
        checked_in_at: now,
        updated_at: now,
      }))
    )
      throw new AppError('workplace.nothing_to_check_in', 404, { desk: deskId, date: today });
    await writeAudit(trx, actor, {
      action: 'workplace.booking_checked_in',
      objectType: 'workplace_booking',
      objectId: booking.id,
      summary: { desk: deskId, date: today },
    });
    return { ...booking, status: 'checked_in', checked_in_at: now, updated_at: now };
  });
  const [view] = await toBookings(db, [row]);
  return view!;
}

/**
 * Releases every booking not checked in by its deadline and tells each person by mail (through the
 * outbox, in their language), in one transaction. Returns how many were released.
 */
export async function releaseNoShows(
  db: Db,
  identities: IdentitySource,
  today: string,
  minuteOfDay: number,
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const now = nowInstant();
    const candidates = await listUnclaimedBookings(trx, today);
    const timesOfFloor = await checkInTimesOfFloors(
      trx,
      candidates.map((booking) => booking.floor_id),
    );
    let released = 0;
    for (const booking of candidates) {
      const slot = booking.slot as Slot;
      const times = timesOfFloor(booking.floor_id);
      if (!isNoShow({ date: booking.booked_on, slot, status: booking.status }, today, minuteOfDay, times))
        continue;
      const changes = { status: 'released', released_at: now, updated_at: now };
      if (!(await moveBookingStatus(trx, booking.id, 'booked', changes))) continue;
      released += 1;
      const person = await identities.findById(trx, booking.person_id);
      if (!person?.email) continue;
      const params = {
        desk: booking.desk_id,
        date: booking.booked_on,
        deadline: checkInDeadline(slot, times),
      };
      await enqueueMail(trx, {
        to: person.email,
        subject: translate(person.language, 'workplace.mail.released_subject', params),
        text: translate(person.language, 'workplace.mail.released_text', params),
        isAutomatic: true,
        source: 'workplace',
        objectRef: booking.id,
      });
    }
    if (released > 0)
      await writeAudit(
        trx,
        { id: null, username: 'workplace-release' },
        {
          action: 'workplace.bookings_released',
          objectType: 'workplace_booking',
          summary: { released, day: today },
        },
      );
    return released;
  });
}

/** The check-in times of the sites these floors stand on (each site sets its own). */
async function checkInTimesOfFloors(db: Db, floorIds: readonly string[]) {
  if (floorIds.length === 0) return () => undefined;
  const [siteOfFloor, rules] = await Promise.all([siteIdsOfFloors(db, floorIds), listSiteRules(db)]);
  const rulesOfSite = new Map(rules.map((row) => [row.site_id, rulesFromRow(row)]));
  return (floorId: string) => rulesOfSite.get(siteOfFloor.get(floorId) ?? '')?.checkInBy;
}
