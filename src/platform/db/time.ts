/** An instant in UTC, stored as ISO-8601 text so both databases sort and compare it the same way. */
export type Instant = string;
/** A calendar day in Europe/Brussels, `YYYY-MM-DD`. */
export type IsoDate = string;

export const nowInstant = (): Instant => new Date().toISOString();

export const addMinutes = (at: Instant, minutes: number): Instant =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

// Made once, on first use: building a formatter costs far more than formatting (public pages ask
// for today's day on every request), and the first one loads time zone data (~40 ms), which a
// server start need not wait for.
let brusselsDayFormat: Intl.DateTimeFormat | undefined;

/** The Brussels calendar day of an instant (a call at 00:30 local belongs to that morning). */
export function brusselsDay(at: Instant | Date = new Date()): IsoDate {
  brusselsDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' });
  return brusselsDayFormat.format(new Date(at));
}
