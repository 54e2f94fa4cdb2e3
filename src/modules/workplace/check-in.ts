import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import type { IdentitySource } from '../../platform/auth/identity.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { translate } from '../../platform/i18n/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { toBookings } from './booking-view.js';
import type { Booker } from './bookings.js';
import { formatMinuteOfDay, isNoShow } from './check-in-rules.js';
import { type Booking, CHECK_IN_DEADLINES, type Slot } from './contract.js';
import { type Db, findUnclaimedBooking, listUnclaimedBookings, moveBookingStatus } from './repository.js';

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
    let released = 0;
    for (const booking of candidates) {
      const slot = booking.slot as Slot;
      if (!isNoShow({ date: booking.booked_on, slot, status: booking.status }, today, minuteOfDay)) continue;
      const changes = { status: 'released', released_at: now, updated_at: now };
      if (!(await moveBookingStatus(trx, booking.id, 'booked', changes))) continue;
      released += 1;
      const person = await identities.findById(trx, booking.person_id);
      if (!person?.email) continue;
      const params = {
        desk: booking.desk_id,
        date: booking.booked_on,
        deadline: formatMinuteOfDay(CHECK_IN_DEADLINES[slot]),
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
