import type { IsoDate } from '../../../platform/db/time.js';
import { isoDateOfUtc, wallClockAsUtc } from './calendar-day.js';

// Intl knows the zone's rules (the IANA database shipped with Node), so daylight saving needs no table of
// our own. Building a formatter is slow; one per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds (+1 h in Brussels in winter). */
export function utcOffsetAt(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const parts = formatterFor(timeZone).formatToParts(wholeSecond);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall - wholeSecond;
}

/** The calendar day an instant falls on in the zone (23:30 UTC on 31 December is New Year's Day in Brussels). */
export const zonedDayOf = (instant: Date, timeZone: string): IsoDate =>
  isoDateOfUtc(instant.getTime() + utcOffsetAt(instant.getTime(), timeZone));

/**
 * The instant at which the zone's clocks read `minuteOfDay` minutes after midnight of `day`.
 * Around a clock change a reading can happen twice (autumn: the earlier one is taken, when it is first
 * reached) or never (spring: the reading is moved forward by the skipped hour, as clocks do). The offsets
 * a day either side bracket the change, as zones change their clocks at most once a day.
 */
export function instantAtWallClock(day: IsoDate, minuteOfDay: number, timeZone: string): Date {
  const wall = wallClockAsUtc(day, minuteOfDay);
  const offsetBefore = utcOffsetAt(wall - 86_400_000, timeZone);
  const offsetAfter = utcOffsetAt(wall + 86_400_000, timeZone);
  const readsRight = (epochMs: number) => epochMs + utcOffsetAt(epochMs, timeZone) === wall;
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter(readsRight);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : wall - offsetBefore);
}
