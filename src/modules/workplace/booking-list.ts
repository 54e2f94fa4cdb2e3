import { AppError, invalid } from '../../platform/errors.js';
import { toBookings } from './booking-view.js';
import { type Booker, resolvePerson } from './bookings.js';
import { addDays, daysBetween } from './calendar.js';
import { type BookingList, type BookingsQuery, WorkplaceLimits } from './contract.js';
import { type Db, listBookingsOfPerson } from './repository.js';

/** How far ahead a list reaches when the caller gives no end: a month of bookings. */
const DEFAULT_LIST_DAYS = 31;

/** A person's bookings of every status over a period (from today for a month by default). */
export async function listBookings(
  db: Db,
  booker: Booker,
  query: BookingsQuery,
  today: string,
): Promise<BookingList> {
  const from = query.from ?? today;
  const to = query.to ?? addDays(from, DEFAULT_LIST_DAYS);
  if (to < from) throw invalid([{ field: 'querystring.to', code: 'workplace.period_reversed' }]);
  if (daysBetween(from, to) > WorkplaceLimits.listDaysMax)
    throw invalid([
      {
        field: 'querystring.to',
        code: 'workplace.period_too_long',
        params: { max: WorkplaceLimits.listDaysMax },
      },
    ]);
  const username = query.person === 'me' ? undefined : query.person;
  const personId = await resolvePerson(db, booker, username).catch((error: unknown) => {
    // Reading someone's bookings is not booking for them: its own refusal, naming the parameter.
    if (error instanceof AppError && error.code === 'workplace.booking_for_others_forbidden')
      throw new AppError('workplace.listing_others_forbidden', 403, {}, [
        { field: 'querystring.person', code: 'workplace.listing_others_forbidden' },
      ]);
    throw error;
  });
  return { items: await toBookings(db, await listBookingsOfPerson(db, personId, from, to)) };
}
