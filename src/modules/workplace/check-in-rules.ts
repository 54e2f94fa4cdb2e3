import { CHECK_IN_DEADLINES, type Slot } from './contract.js';

export const formatMinuteOfDay = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Whether a booking still `booked` is a no-show: its day is past, or today's deadline has gone by. */
export function isNoShow(
  booking: { date: string; slot: Slot; status: string },
  today: string,
  minuteOfDay: number,
): boolean {
  if (booking.status !== 'booked') return false;
  if (booking.date < today) return true;
  return booking.date === today && minuteOfDay >= CHECK_IN_DEADLINES[booking.slot];
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
