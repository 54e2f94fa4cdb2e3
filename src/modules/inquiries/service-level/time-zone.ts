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

const DAY_MS = 86_400_000;
const midnightsByZone = new Map<string, Map<number, number>>();

/** When a day (counted from 1 January 1970) begins in the zone; kept, as the same days come up again. */
function startOfZonedDay(dayNumber: number, timeZone: string): number {
  let midnights = midnightsByZone.get(timeZone);
  if (!midnights) {
    midnights = new Map();
    midnightsByZone.set(timeZone, midnights);
  }
  let start = midnights.get(dayNumber);
  if (start === undefined) {
    start = instantAtWallClock(isoDateOfUtc(dayNumber * DAY_MS), 0, timeZone).getTime();
    midnights.set(dayNumber, start);
  }
  return start;
}

/**
 * The zone's calendar day of an instant, as days since 1 January 1970 (23:30 UTC on 31 December is New
 * Year's Day in Brussels). Found from kept day starts rather than a fresh Intl reading (several microseconds
 * each), since counting business time asks this for every stretch of every inquiry in a queue. A zone is at
 * most 14 hours from UTC, so the day is the UTC day or one either side.
 */
export function zonedDayNumberOf(epochMs: number, timeZone: string): number {
  const utcDay = Math.floor(epochMs / DAY_MS);
  if (epochMs < startOfZonedDay(utcDay, timeZone)) return utcDay - 1;
  return epochMs < startOfZonedDay(utcDay + 1, timeZone) ? utcDay : utcDay + 1;
}
