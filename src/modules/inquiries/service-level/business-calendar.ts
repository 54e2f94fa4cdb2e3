import type { IsoDate } from '../../../platform/db/time.js';
import { belgianHolidays } from '../../../shared/belgian-holidays.js';
import { type IsoWeekday, isoDateOfUtc, isoWeekday } from './calendar-day.js';
import { instantAtWallClock, zonedDayNumberOf } from './time-zone.js';

/** When a service is open: the clock of a service level only runs inside these hours. */
export type BusinessCalendar = {
  readonly timeZone: string;
  readonly workingDays: ReadonlySet<IsoWeekday>;
  /** Opening and closing as minutes after local midnight (08:00 is 480). */
  readonly opensAtMinute: number;
  readonly closesAtMinute: number;
  /** Whole days the service is closed beyond its weekly rest: public holidays, the institution's own days. */
  readonly isClosedDay: (day: IsoDate) => boolean;
};

export type BusinessCalendarOptions = {
  /** Mondays to Fridays unless given (1 is Monday, 7 is Sunday). */
  workingDays?: readonly IsoWeekday[];
  /** `HH:MM` local time; 08:00 and 17:00 unless given. `24:00` closes at midnight. */
  opensAt?: string;
  closesAt?: string;
  /** Europe/Brussels unless given. */
  timeZone?: string;
  /** Federal public service days off (2 Nov, 15 Nov, 26 Dec) on top of the legal holidays; on by default. */
  federalPublicServiceDays?: boolean;
  /** The institution's own closing days (bridge days, a move), `YYYY-MM-DD`. */
  extraClosingDays?: readonly IsoDate[];
};

type OpeningWindow = { start: number; end: number };

const MINUTE_MS = 60_000;
// Far more than any real closure; only a calendar closed for good (every day an extra closing day) gets here.
const MAX_CLOSED_DAYS_IN_A_ROW = 3660;

function minuteOfDay(time: string, field: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60)
    throw new RangeError(`${field} must be a time HH:MM from 00:00 to 24:00, not ${time}`);
  return minutes;
}

/** A Brussels office calendar (Monday to Friday, 08:00 to 17:00, Belgian holidays) unless told otherwise. */
export function createBusinessCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  const opensAtMinute = minuteOfDay(options.opensAt ?? '08:00', 'opensAt');
  const closesAtMinute = minuteOfDay(options.closesAt ?? '17:00', 'closesAt');
  if (opensAtMinute >= closesAtMinute) throw new RangeError('closesAt must come after opensAt');
  const workingDays = new Set(options.workingDays ?? ([1, 2, 3, 4, 5] as const));
  if (workingDays.size === 0) throw new RangeError('A calendar needs at least one working day');
  const timeZone = options.timeZone ?? 'Europe/Brussels';
  new Intl.DateTimeFormat('en', { timeZone }); // an unknown zone fails here, not in the middle of a count
  const extraClosingDays = new Set(options.extraClosingDays ?? []);
  const holidaysByYear = new Map<number, Set<IsoDate>>();
  const holidaysOf = (year: number) => {
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      const list = belgianHolidays(year, { federalPublicServiceDays: options.federalPublicServiceDays });
      holidays = new Set(list.map((h) => h.date));
      holidaysByYear.set(year, holidays);
    }
    return holidays;
  };
  return {
    timeZone,
    workingDays,
    opensAtMinute,
    closesAtMinute,
    isClosedDay: (day) => extraClosingDays.has(day) || holidaysOf(Number(day.slice(0, 4))).has(day),
  };
}

/** Monday to Friday, 08:00–17:00 Europe/Brussels; closed on Belgian holidays and federal service days off. */
export const BRUSSELS_OFFICE_CALENDAR: BusinessCalendar = createBusinessCalendar();

// Days are walked as numbers (days since 1 January 1970) and their opening hours kept once converted:
// turning wall-clock hours into instants is the costly part of a count, and an inquiry open for weeks,
// counted for every row of a queue, asks for the same days again and again.
type DayNumber = number;
const DAY_MS = 86_400_000;
const windowCache = new WeakMap<BusinessCalendar, Map<DayNumber, OpeningWindow | null>>();

/** The instants the service opens and closes on a local day, or null when it stays closed. */
function openingOn(dayNumber: DayNumber, calendar: BusinessCalendar): OpeningWindow | null {
  let cache = windowCache.get(calendar);
  if (!cache) {
    cache = new Map();
    windowCache.set(calendar, cache);
  }
  let window = cache.get(dayNumber);
  if (window === undefined) {
    const day = isoDateOfUtc(dayNumber * DAY_MS);
    const isOpenDay = calendar.workingDays.has(isoWeekday(day)) && !calendar.isClosedDay(day);
    window = isOpenDay
      ? {
          start: instantAtWallClock(day, calendar.opensAtMinute, calendar.timeZone).getTime(),
          end: instantAtWallClock(day, calendar.closesAtMinute, calendar.timeZone).getTime(),
        }
      : null;
    cache.set(dayNumber, window);
  }
  return window;
}

/** The opening windows from the local day of an instant onwards, in order. */
function* openingsFrom(epochMs: number, calendar: BusinessCalendar): Generator<OpeningWindow> {
  let day = zonedDayNumberOf(epochMs, calendar.timeZone);
  for (let closedInARow = 0; closedInARow < MAX_CLOSED_DAYS_IN_A_ROW; day++) {
    const window = openingOn(day, calendar);
    if (window) {
      closedInARow = 0;
      yield window;
    } else closedInARow++;
  }
  throw new RangeError(
    `The calendar stays closed for ${MAX_CLOSED_DAYS_IN_A_ROW} days before ${isoDateOfUtc(day * DAY_MS)}`,
  );
}

function toEpochMs(instant: Date): number {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError('Invalid date');
  return epochMs;
}

/**
 * The instant `businessMs` of opening time after `epochMs`: the earliest such instant, so a closing time
 * rather than the next opening.
 */
export function addBusinessMillis(epochMs: number, businessMs: number, calendar: BusinessCalendar): number {
  if (!Number.isFinite(businessMs) || businessMs < 0)
    throw new RangeError(`Business time to add must be zero or more, not ${businessMs}`);
  let remaining = businessMs;
  for (const window of openingsFrom(epochMs, calendar)) {
    const from = Math.max(epochMs, window.start);
    if (from >= window.end) continue;
    if (remaining <= window.end - from) return from + remaining;
    remaining -= window.end - from;
  }
  throw new Error('unreachable: openingsFrom ends by throwing');
}

/** Opening time in [from, to), in milliseconds; negative when `to` comes first. */
export function businessMillisBetween(from: number, to: number, calendar: BusinessCalendar): number {
  if (to < from) return -businessMillisBetween(to, from, calendar);
  let total = 0;
  for (const window of openingsFrom(from, calendar)) {
    if (window.start >= to) break;
    total += Math.max(0, Math.min(to, window.end) - Math.max(from, window.start));
  }
  return total;
}

/**
 * The deadline `minutes` business minutes after `start`. A start outside opening hours counts from the next
 * opening, so 0 minutes gives the next opening. A deadline landing on a closing time stays there (Friday
 * 16:00 + 60 minutes is Friday 17:00, not Monday 08:00).
 */
export function addBusinessTime(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  return new Date(addBusinessMillis(toEpochMs(start), Math.round(minutes * MINUTE_MS), calendar));
}

/**
 * Business minutes from `a` to `b`: the opening time between them, negative when `b` comes before `a`.
 * Exact, so possibly fractional for instants with seconds; round for display.
 */
export function businessMinutesBetween(a: Date, b: Date, calendar: BusinessCalendar): number {
  return businessMillisBetween(toEpochMs(a), toEpochMs(b), calendar) / MINUTE_MS;
}

/** Whether the service is open at an instant: opening time included, closing time excluded. */
export function isOpen(instant: Date, calendar: BusinessCalendar): boolean {
  const epochMs = toEpochMs(instant);
  const window = openingOn(zonedDayNumberOf(epochMs, calendar.timeZone), calendar);
  return window !== null && window.start <= epochMs && epochMs < window.end;
}

/** The instant itself when the service is open then, otherwise the next time it opens. */
export function nextOpening(instant: Date, calendar: BusinessCalendar): Date {
  return addBusinessTime(instant, 0, calendar);
}
