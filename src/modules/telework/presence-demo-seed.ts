import type { Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit/audit.js';
import { brusselsDay, nowInstant } from '../../platform/db/time.js';
import { AppError } from '../../platform/errors.js';
import { DEMO_MANAGER_REPORTS, idsOfUsernames } from '../directory/index.js';
import { activeBookingsOf, bookDeskFor } from '../workplace/index.js';
import { HALVES, type Half, type Place } from './contract.js';
import { loadPlanContexts, plannedWeek } from './presence.js';
import { type Db, type PresenceRow, replacePresenceRows } from './presence-repository.js';
import { mondayOf, plusDays, workingDaysOf } from './presence-week.js';

// Presence plans of this week and the next for the demo manager's team and the named staff, so the
// week and the team's screens show something real after `npm start`. Days with a desk booked by the
// workplace demo are office days; the plan books a few more desks itself, through the workplace's
// own function; the rest follows the person's agreement when the agreements' demo seeded one, else
// a usual pattern of its own (T telework, O office, L leave).

const PLANNERS = [...DEMO_MANAGER_REPORTS, 'manager', 'hr', 'facility', 'ict', 'admin'];
const PATTERNS = ['TT OO TT OO OO', 'OO TT OO TT OO', 'OO OO TT OO TT', 'TT OO OO TT LL', 'OO TT TT OO OO'];
const PLACE: Record<string, Place> = { T: 'telework', O: 'office', L: 'leave' };
/** Desks the plan tries on an office day without one, far apart on two floors. */
const DESK_CANDIDATES = [
  'botanique-05-A-010',
  'botanique-05-B-020',
  'botanique-04-C-030',
  'botanique-05-C-040',
];

const halvesOfSlot = (slot: string): Half[] =>
  slot === 'day' ? ['am', 'pm'] : [slot === 'pm' ? 'pm' : 'am'];

/** Seeds the plans; returns how many weeks were planned and how many desks the plan booked. */
export async function seedPresenceDemo(
  db: Kysely<any>,
  actor: AuditActor,
): Promise<{ weeks: number; desks: number }> {
  const trx = db as Db;
  const today = brusselsDay();
  const ids = await idsOfUsernames(db, PLANNERS);
  const people = PLANNERS.map((u) => ids.get(u)).filter((id): id is string => id !== undefined);
  const mondays = [mondayOf(today), plusDays(mondayOf(today), 7)];
  const loaded = await loadPlanContexts(trx, people, plusDays(mondays[0]!, -7), plusDays(mondays[1]!, 35));
  const now = nowInstant();
  let weeks = 0;
  let desks = 0;
  for (const [p, personId] of people.entries()) {
    for (const monday of mondays) {
      const dates = workingDaysOf(monday);
      const { week, context } = plannedWeek(loaded, personId, monday);
      const hasAgreement = context.agreements.length > 0;
      const pattern = PATTERNS[(p + weeks) % PATTERNS.length]!.split(' ');
      const bookings = await activeBookingsOf(trx, personId, dates[0]!, dates[4]!);
      const rows: PresenceRow[] = [];
      for (const [d, day] of week.entries()) {
        const place: Record<Half, Place> = hasAgreement
          ? { am: day.am.place, pm: day.pm.place }
          : { am: PLACE[pattern[d]![0]!]!, pm: PLACE[pattern[d]![1]!]! };
        let booked = bookings.filter((b) => b.date === day.date);
        for (const b of booked) for (const half of halvesOfSlot(b.slot)) place[half] = 'office';
        if (booked.length === 0 && place.am === 'office' && place.pm === 'office' && day.date > today)
          for (const desk of DESK_CANDIDATES) {
            try {
              booked = [
                await bookDeskFor(trx, actor, personId, { desk, date: day.date, slot: 'day' }, today),
              ];
              desks += 1;
              break;
            } catch (error) {
              // Taken, too close, a public holiday: another desk, or the day stays without one.
              if (!(error instanceof AppError)) throw error;
            }
          }
        for (const half of HALVES)
          rows.push({
            person_id: personId,
            day: day.date,
            part: half,
            place: place[half],
            desk_booking_id:
              place[half] === 'office'
                ? (booked.find((b) => halvesOfSlot(b.slot).includes(half))?.id ?? null)
                : null,
            updated_at: now,
            updated_by: personId,
          });
      }
      await replacePresenceRows(trx, personId, dates, rows);
      weeks += 1;
    }
  }
  return { weeks, desks };
}
