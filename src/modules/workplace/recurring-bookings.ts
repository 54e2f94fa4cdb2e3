import type { AuditActor } from '../../platform/audit/audit.js';
import { AppError, invalid } from '../../platform/errors.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { type Booker, bookDesk } from './bookings.js';
import { addDays } from './calendar.js';
import type { NewRecurringBooking, RecurringBookingReport, RefusalCode } from './contract.js';
import { REFUSAL_CODES } from './contract.js';

const isRefusal = (error: unknown): error is AppError =>
  error instanceof AppError &&
  error.status === 409 &&
  (REFUSAL_CODES as readonly string[]).includes(String(error.params.reason));

/**
 * Books the same desk and slot every week from `firstDate` on, each date as its own booking
 * checked by the rules: the dates the rules refuse are listed with the reason, the others booked.
 */
export async function bookEveryWeek(
  db: Parameters<typeof bookDesk>[0],
  actor: AuditActor,
  booker: Booker,
  input: NewRecurringBooking,
  today: string,
  language: Language,
): Promise<RecurringBookingReport> {
  if (input.firstDate < today) throw invalid([{ field: 'firstDate', code: 'workplace.date_in_past' }]);
  const report: RecurringBookingReport = { booked: [], refused: [] };
  for (let week = 0; week < input.weeks; week++) {
    const date = addDays(input.firstDate, 7 * week);
    try {
      report.booked.push(
        await bookDesk(
          db,
          actor,
          booker,
          { desk: input.desk, date, slot: input.slot, person: input.person },
          today,
        ),
      );
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const reason = error.params.reason as RefusalCode;
      report.refused.push({ date, reason, message: translate(language, error.code, error.params) });
    }
  }
  return report;
}
