import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { can } from '../../platform/auth/permissions.js';
import type { Role } from '../../platform/auth/roles.js';
import { isPostgres } from '../../platform/db/dialect.js';
import { withGroupCommit } from '../../platform/db/group-commit.js';
import { oneAtATime } from '../../platform/db/one-at-a-time.js';
import { nowInstant } from '../../platform/db/time.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { idsOfUsernames, orgUnitCodesOf } from '../directory/index.js';
import { bookingLockScopes } from './booking-locks.js';
import { checkBooking, isSlotOffered, type RuleVerdict } from './booking-rules.js';
import { toBookings } from './booking-view.js';
import { isoWeekOf, siteCalendar } from './calendar.js';
import type { Booking, NewBooking, Slot } from './contract.js';
import {
  ACTIVE_STATUSES,
  countZoneDesks,
  type Db,
  findBooking,
  findDesk,
  findFloor,
  findSiteRules,
  findZone,
  forOtherModules,
  insertBooking,
  listFloorDayBookingsNear,
  listPersonBookingsForRules,
  lockBookingScopes,
  updateBooking,
} from './repository.js';
import { ruleDesk, ruleDeskOfBooking, zoneCapacities } from './rule-inputs.js';
import { rulesFromRow } from './site-rules.js';
import type { BookingRow } from './tables.js';

/** Who asks: their person id and roles (from the request's identity). */
export type Booker = { id: string; roles: readonly Role[] };

const isFacility = (booker: Booker) => can(booker.roles, 'workplace.manage');

/** The person a request names by username, or the caller; only facility managers name someone else. */
export async function resolvePerson(db: Db, booker: Booker, username: string | undefined): Promise<string> {
  if (username === undefined) return booker.id;
  const personId = (await idsOfUsernames(forOtherModules(db), [username.toLowerCase()])).get(
    username.toLowerCase(),
  );
  if (personId === booker.id) return personId;
  if (!isFacility(booker))
    throw new AppError('workplace.booking_for_others_forbidden', 403, {}, [
      { field: 'person', code: 'workplace.booking_for_others_forbidden' },
    ]);
  if (!personId)
    throw new AppError('workplace.person_not_found', 404, { person: username }, [
      { field: 'person', code: 'workplace.person_not_found', params: { person: username } },
    ]);
  return personId;
}

/**
 * Books a desk for a date and slot, or refuses with the rule it breaks (409, `workplace.<reason>`).
 * The rules are checked twice. First on the bookings committed now, without a lock or a
 * transaction: a refusal decided there is a true answer at that moment (the booking it collides
 * with was stored), so on a crowded floor most refusals cost two reads and wait for nobody. A
 * booking that passes is checked again and written in one transaction that first locks the floor's
 * day and the person's week (lockBookingScopes), so two bookings that together would break a rule
 * never both pass.
 */
export async function bookDesk(
  db: Db,
  actor: AuditActor,
  booker: Booker,
  input: NewBooking,
  today: string,
): Promise<Booking> {
  const personId = await resolvePerson(db, booker, input.person);
  if (input.date < today) throw invalid([{ field: 'date', code: 'workplace.date_in_past' }]);
  const desk = await findDesk(db, input.desk);
  if (!desk)
    throw new AppError('workplace.desk_not_found', 404, { desk: input.desk }, [
      { field: 'desk', code: 'workplace.desk_not_found', params: { desk: input.desk } },
    ]);
  const floor = await findFloor(db, desk.floor_id);
  if (!floor) throw notFound('workplace.floor_not_found', { floor: desk.floor_id });
  const rules = rulesFromRow(await findSiteRules(db, floor.site_id));
  if (!isSlotOffered(input.slot, rules))
    throw invalid([{ field: 'slot', code: 'workplace.whole_days_only' }]);
  const personTeam = rules.teamRotation
    ? ((await orgUnitCodesOf(forOtherModules(db), [personId])).get(personId) ?? null)
    : null;
  // Read once, with the desk and the rules: the plan is not what the locks below guard (a desk
  // blocked meanwhile is no more refused under them), the bookings are.
  const [zoneDeskCount, zone] = await Promise.all([
    countZoneDesks(db, desk.zone_id),
    findZone(db, desk.zone_id),
  ]);
  const candidate = { deskId: desk.id, personId, date: input.date, slot: input.slot };
  const week = isoWeekOf(input.date);
  const verdictOn = async (handle: Db): Promise<RuleVerdict> => {
    const [floorDay, personWeek] = await Promise.all([
      listFloorDayBookingsNear(handle, desk, input.date, rules.minDistanceMetres),
      listPersonBookingsForRules(handle, personId, week.monday, week.sunday),
    ]);
    const asBooking = (b: { desk_id: string; slot: string }, date: string, person: string) => ({
      deskId: b.desk_id,
      personId: person,
      date,
      slot: b.slot as Slot,
    });
    return checkBooking(candidate, {
      today,
      rules,
      // The candidate and the desks held by the floor's bookings of the day in its zone or near it.
      floorDesks: [ruleDesk(desk), ...floorDay.map(ruleDeskOfBooking)],
      zoneDeskCount,
      // Whose they are does not matter to the floor's rules.
      floorBookings: floorDay.map((b) => asBooking(b, input.date, '')),
      personWeek: personWeek.map((b) => asBooking(b, b.booked_on, personId)),
      personTeam,
      calendar: siteCalendar(rules.closingDays),
      zoneCapacities: zoneCapacities(zone ? [zone] : []),
    });
  };
  const refuse = (verdict: RuleVerdict & { ok: false }) =>
    new AppError(`workplace.${verdict.code}`, 409, {
      reason: verdict.code,
      desk: desk.id,
      ...verdict.details,
    });

  // Its reads on one connection: a crowd of bookings does not take three of the pool's each.
  const optimistic = db.isTransaction ? await verdictOn(db) : await db.connection().execute(verdictOn);
  if (!optimistic.ok) throw refuse(optimistic);

  const scopes = bookingLockScopes({ floorId: floor.id, date: input.date, personId });
  const lockedBooking = () =>
    withGroupCommit(db, async (trx) => {
      await lockBookingScopes(trx, scopes);
      // Again under the locks: what passed a moment ago may have been taken meanwhile.
      const verdict = await verdictOn(trx);
      if (!verdict.ok) throw refuse(verdict);
      const now = nowInstant();
      const booking: BookingRow = {
        id: randomUUID(),
        desk_id: desk.id,
        floor_id: floor.id,
        person_id: personId,
        booked_on: input.date,
        slot: input.slot,
        status: 'booked',
        created_by: booker.id,
        created_at: now,
        updated_at: now,
        checked_in_at: null,
        released_at: null,
        cancelled_at: null,
      };
      await insertBooking(trx, booking);
      await writeAudit(trx, actor, {
        action: 'workplace.booking_created',
        objectType: 'workplace_booking',
        objectId: booking.id,
        summary: {
          desk: desk.id,
          date: input.date,
          slot: input.slot,
          forSomeoneElse: personId !== booker.id,
        },
      });
      return booking;
    });
  // On PostgreSQL the bookings of one floor's day wait for each other's lock anyway: they wait
  // here, in line, rather than each holding one of the pool's connections while it waits, which
  // would leave none for the refusals' reads. SQLite serializes its transactions already, and
  // shares commits among the bookings that arrive together (withGroupCommit).
  const row =
    isPostgres(db) && !db.isTransaction
      ? await oneAtATime(floorDayQueues, scopes[0]!, lockedBooking)
      : await lockedBooking();
  const [view] = await toBookings(db, [row]);
  return view!;
}

/** The bookings of this process waiting for a floor's day, by lock scope (oneAtATime). */
const floorDayQueues = new Map<string, Promise<void>>();

/** Cancels a booking: one's own, or anyone's for a facility manager. */
export async function cancelBooking(db: Db, actor: AuditActor, booker: Booker, id: string): Promise<Booking> {
  const row = await withGroupCommit(db, async (trx) => {
    const booking = await findBooking(trx, id);
    if (!booking) throw notFound('workplace.booking_not_found');
    if (booking.person_id !== booker.id && !isFacility(booker))
      throw new AppError('workplace.not_your_booking', 403);
    if (!(ACTIVE_STATUSES as readonly string[]).includes(booking.status))
      throw new AppError('workplace.booking_not_active', 409, { status: booking.status });
    const now = nowInstant();
    const cancelled = { ...booking, status: 'cancelled', cancelled_at: now, updated_at: now };
    await updateBooking(trx, id, { status: 'cancelled', cancelled_at: now, updated_at: now });
    await writeAudit(trx, actor, {
      action: 'workplace.booking_cancelled',
      objectType: 'workplace_booking',
      objectId: id,
      summary: { desk: booking.desk_id, date: booking.booked_on, slot: booking.slot },
    });
    return cancelled;
  });
  const [view] = await toBookings(db, [row]);
  return view!;
}
