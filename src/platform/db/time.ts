/** An instant in UTC, stored as ISO-8601 text so both databases sort and compare it the same way. */
export type Instant = string;
/** A calendar day in Europe/Brussels, `YYYY-MM-DD`. */
export type IsoDate = string;

export const nowInstant = (): Instant => new Date().toISOString();

export const addMinutes = (at: Instant, minutes: number): Instant =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

// Made once: building a formatter (its time zone data) costs about a hundred times more than
// formatting, and every inquiry logged asks for the day (bench/inquiries-throughput.ts).
const brusselsDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });

/** The Brussels calendar day of an instant (a call at 00:30 local belongs to that morning). */
export function brusselsDay(at: Instant | Date = new Date()): IsoDate {
  return brusselsDayFormat.format(new Date(at));
}
