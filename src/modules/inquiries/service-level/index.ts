/**
 * Service levels of inquiries: business-hour deadlines on a Belgian calendar, with pauses.
 *
 * Everything here is a pure function of its arguments (the current instant included), so the inquiries
 * module can read the clocks of a whole queue, or of a past instant for a report, without a database.
 * Times go in as `Date`s or UTC ISO instants; the calendar knows Brussels time and its clock changes.
 *
 * Typical use:
 * ```ts
 * const { firstAnswer, resolution } = inquiryDeadlines({
 *   serviceLevel: { firstAnswerMinutes: 8 * 60, resolutionMinutes: 40 * 60 },
 *   createdAt: inquiry.createdAt,
 *   history: statusChanges, // [{ status: 'escalated', at: '2021-03-01T09:00:00.000Z' }, …]
 *   now: nowInstant(),
 *   calendar: BRUSSELS_OFFICE_CALENDAR,
 * });
 * // firstAnswer.state: 'met' | 'on_track' | 'due_soon' | 'overdue' | 'paused'; firstAnswer.dueAt, …
 * ```
 * Build a calendar once and keep it (module level or per team): it remembers the days it has converted,
 * which is what makes reading a long queue cheap.
 */

/**
 * The Belgian public holidays of a year (ten legal ones, plus the federal public service days off unless
 * `federalPublicServiceDays: false`), with French, Dutch and English names; and Easter Sunday.
 */
export {
  type BelgianHolidayOptions,
  belgianHolidays,
  easterSunday,
  type Holiday,
  type HolidayNames,
  type HolidayScope,
} from '../../../shared/belgian-holidays.js';
/**
 * Opening hours and closing days (`createBusinessCalendar`, default `BRUSSELS_OFFICE_CALENDAR`: Monday to
 * Friday, 08:00–17:00 Brussels time) and counting on them: `addBusinessTime` (a deadline),
 * `businessMinutesBetween`, `isOpen`, `nextOpening`.
 */
export {
  addBusinessTime,
  BRUSSELS_OFFICE_CALENDAR,
  type BusinessCalendar,
  type BusinessCalendarOptions,
  businessMinutesBetween,
  createBusinessCalendar,
  isOpen,
  nextOpening,
} from './business-calendar.js';
export type { IsoWeekday } from './calendar-day.js';
/**
 * The first-answer and resolution clocks of an inquiry at a given instant: deadline, business minutes used
 * and left, and state (met, on track, due soon, overdue, paused).
 */
export {
  type DeadlineTimer,
  type InquiryClockInput,
  type InquiryClockOptions,
  type InquiryDeadlines,
  inquiryDeadlines,
  type ServiceLevel,
  type TimerState,
} from './deadlines.js';
/** When a running deadline shows as due soon: a fifth of its budget left, at most a working day ahead. */
export { DEFAULT_DUE_SOON_RULE, type DueSoonRule, dueSoonThresholdMinutes } from './due-soon.js';
/**
 * The inquiry statuses and what they do to the clocks: which pause them (`waiting_partner`, `answered`),
 * which give the first answer (`answered`, `closed`), which resolves (`closed`).
 */
export {
  FIRST_ANSWER_STATUSES,
  type InquiryStatus,
  PAUSING_STATUSES,
  RESOLVED_STATUS,
} from './inquiry-clock-statuses.js';
export type { StatusChange } from './status-timeline.js';
