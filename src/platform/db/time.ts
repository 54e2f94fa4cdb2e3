import { brusselsToday } from '../../shared/brussels-day.js';

/** An instant in UTC, stored as ISO-8601 text so both databases sort and compare it the same way. */
export type Instant = string;
/** A calendar day in Europe/Brussels, `YYYY-MM-DD`. */
export type IsoDate = string;

export const nowInstant = (): Instant => new Date().toISOString();

export const addMinutes = (at: Instant, minutes: number): Instant =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

/** The Brussels calendar day of an instant (a call at 00:30 local belongs to that morning). */
export const brusselsDay = (at: Instant | Date = new Date()): IsoDate => brusselsToday(new Date(at));
