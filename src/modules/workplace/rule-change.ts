import { type Language, translate } from '../../platform/i18n/i18n.js';
import { type BookingContext, checkBooking, type RuleBooking, type RuleDesk } from './booking-rules.js';
import { isoWeekName, type SiteCalendar } from './calendar.js';
import type { RefusalCode, SiteRules, Slot, ZoneCapacity } from './contract.js';

// A century: far enough that no booking is refused for its distance in time.
const HORIZON_LEFT_OUT = 36_500;

export type SiteBooking = RuleBooking & { id: string; floorId: string };
export type BrokenBooking = {
  id: string;
  reason: RefusalCode;
  details: Record<string, string | number | null>;
};

/**
 * The bookings that new rules would refuse, each checked against all the others as if it came
 * last: both of two neighbours now too close are listed, for the manager to choose whom to tell.
 * A shorter horizon is left out: a booking already made stays within the promise it was given.
 */
export function bookingsBrokenByRules(
  bookings: readonly SiteBooking[],
  desksByFloor: ReadonlyMap<string, readonly RuleDesk[]>,
  rules: SiteRules,
  context: {
    today: string;
    calendar: SiteCalendar;
    teamOf: (personId: string) => string | null;
    /** Zones with a capacity of their own, which overrides the site's. */
    zoneCapacities: ReadonlyMap<string, ZoneCapacity>;
  },
): BrokenBooking[] {
  const broken: BrokenBooking[] = [];
  for (const booking of bookings) {
    const others = bookings.filter((other) => other.id !== booking.id);
    const ruleContext: BookingContext = {
      today: context.today,
      rules: { ...rules, horizonDays: HORIZON_LEFT_OUT },
      floorDesks: desksByFloor.get(booking.floorId) ?? [],
      floorBookings: others.filter((o) => o.floorId === booking.floorId && o.date === booking.date),
      personWeek: others.filter(
        (o) => o.personId === booking.personId && isoWeekName(o.date) === isoWeekName(booking.date),
      ),
      personTeam: context.teamOf(booking.personId),
      calendar: context.calendar,
      zoneCapacities: context.zoneCapacities,
    };
    const verdict = checkBooking(booking, ruleContext);
    if (!verdict.ok) broken.push({ id: booking.id, reason: verdict.code, details: verdict.details });
  }
  return broken;
}

/** A broken booking as its person is told about it. */
export type BrokenForLetter = {
  date: string;
  slot: Slot;
  desk: string;
  reason: RefusalCode;
  details: Record<string, string | number | null>;
};

/**
 * The one mail a person gets about their bookings a rule change broke, in their language: each
 * booking on its own line with its date, part of the day, desk and why, earliest first.
 */
export function ruleBreakLetter(
  language: Language,
  site: string,
  bookings: readonly BrokenForLetter[],
): { subject: string; text: string } {
  const lines = [...bookings]
    .sort((a, b) => a.date.localeCompare(b.date) || a.slot.localeCompare(b.slot))
    .map((b) =>
      translate(language, 'workplace.mail.rule_break_line', {
        date: b.date,
        slot: translate(language, `workplace.mail.slot_${b.slot}`),
        desk: b.desk,
        why: translate(language, `workplace.${b.reason}`, b.details),
      }),
    );
  return {
    subject: translate(language, 'workplace.mail.rule_break_subject', { site }),
    text: translate(language, 'workplace.mail.rule_break_text', { site, lines: lines.join('\n') }),
  };
}
