import { type CheckInTimes, DEFAULT_SITE_RULES, type Slot } from './contract.js';

/**
 * The Brussels time by which a booking must be checked in, as the site set it (by default 10:00 for
 * a morning or a whole day, 14:00 for an afternoon). A desk nobody claimed by then goes back to the
 * others (the rule of 2020: a desk held empty keeps someone else at home).
 */
export function checkInDeadline(slot: Slot, times: CheckInTimes = DEFAULT_SITE_RULES.checkInBy): string {
  return slot === 'pm' ? times.pm : times.am;
}

/** `HH:MM` as minutes after midnight. */
export const minuteOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether a booking still `booked` is a no-show: its day is past, or today's deadline has gone by. */
export function isNoShow(
  booking: { date: string; slot: Slot; status: string },
  today: string,
  minuteOfDay: number,
  times: CheckInTimes = DEFAULT_SITE_RULES.checkInBy,
): boolean {
  if (booking.status !== 'booked') return false;
  if (booking.date < today) return true;
  return booking.date === today && minuteOfDay >= minuteOf(checkInDeadline(booking.slot, times));
}

/** What a person's bookings of one desk on one day say about checking in there (cancelled ones say nothing). */
export function checkInStanding<B extends { slot: Slot; status: string }>(
  bookings: readonly B[],
): { standing: 'can_check_in' | 'checked_in' | 'released' | 'no_booking'; booking: B | null } {
  // Morning and afternoon of the same desk are two bookings: the one still to claim comes first.
  const order = ['booked', 'checked_in', 'released'] as const;
  const standings = { booked: 'can_check_in', checked_in: 'checked_in', released: 'released' } as const;
  for (const status of order) {
    const booking = bookings.find((b) => b.status === status);
    if (booking) return { standing: standings[status], booking };
  }
  return { standing: 'no_booking', booking: null };
}
