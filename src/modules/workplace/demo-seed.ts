import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AuditActor } from '../../platform/audit/audit.js';
import { brusselsDay, nowInstant } from '../../platform/db/time.js';
import { projectFile } from '../../platform/project-files.js';
import { demoPeople, idsOfUsernames } from '../directory/index.js';
import { checkBooking, type RuleBooking } from './booking-rules.js';
import { addDays, isoWeekOf, siteCalendar } from './calendar.js';
import { DEFAULT_SITE_RULES, type SiteRules, type Slot } from './contract.js';
import { importPlan } from './import-plan.js';
import {
  type Db,
  forOtherModules,
  insertBooking,
  listDesksOfFloors,
  saveSiteRules,
  updateDesk,
} from './repository.js';
import { ruleDesk } from './rule-inputs.js';
import { rowFromRules } from './site-rules.js';
import type { BookingRow } from './tables.js';

/** The demo site's rules: the 2020 distance, half of each wing, three office days a week. */
const DEMO_RULES: SiteRules = {
  ...DEFAULT_SITE_RULES,
  closingDays: [],
  zoneCapacity: { percent: 50 },
  weeklyOfficeDaysMax: 3,
};

const BLOCKED_DESKS: [string, string][] = [
  ['botanique-03-A-013', 'Écran cassé / scherm defect / broken screen'],
  ['botanique-04-B-021', 'Réservé au service médical / voorbehouden aan de medische dienst'],
];

/** A repeatable sequence: the demo looks the same on every first start. */
function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** What became of a booking of a day already begun or past: most came, some never showed up. */
function statusOn(
  day: string,
  today: string,
  random: () => number,
): Pick<BookingRow, 'status' | 'checked_in_at' | 'released_at'> {
  if (day > today) return { status: 'booked', checked_in_at: null, released_at: null };
  if (random() < 0.8)
    return {
      status: 'checked_in',
      checked_in_at: `${day}T08:${String(Math.floor(random() * 50) + 10)}:00.000Z`,
      released_at: null,
    };
  if (day === today) return { status: 'booked', checked_in_at: null, released_at: null };
  return { status: 'released', checked_in_at: null, released_at: `${day}T09:00:00.000Z` };
}

/**
 * Loads the demo building (demo/floorplans/botanique.json), its rules, two blocked desks, and three
 * weeks of bookings of the demo staff (last week, this one and the next), each accepted by the
 * booking rules, so the floor maps show a living office: checked in, released (no-shows), booked.
 */
export async function seedWorkplaceDemo(
  trx: Db,
  actor: AuditActor,
): Promise<{ desks: number; bookings: number }> {
  const plan = JSON.parse(fs.readFileSync(projectFile('demo', 'floorplans', 'botanique.json'), 'utf8'));
  const report = await importPlan(trx, actor, plan);
  const now = nowInstant();
  await saveSiteRules(trx, rowFromRules(report.site, DEMO_RULES, { at: now, by: null }));
  for (const [id, reason] of BLOCKED_DESKS)
    await updateDesk(trx, id, { is_blocked: 1, blocked_reason: reason });

  const floorIds: string[] = plan.floors.map((floor: { id: string }) => floor.id);
  const desks = (await listDesksOfFloors(trx, floorIds)).map((row) => ({
    ...ruleDesk(row),
    floorId: row.floor_id,
  }));
  // The grown back office books no desk: three weeks of bookings a person, tried one by one against
  // the rules, would slow the first start, and the floors are busy enough with the others.
  const staff = demoPeople().filter((person) => !person.roles.includes('partner') && !person.backOffice);
  const ids = await idsOfUsernames(
    forOtherModules(trx),
    staff.map((person) => person.username),
  );
  const today = brusselsDay();
  const week = isoWeekOf(today);
  const calendar = siteCalendar(DEMO_RULES.closingDays);
  // Last week (checked in, no-shows released), this week and next (booked ahead).
  const days = Array.from({ length: 21 }, (_, offset) => addDays(week.monday, offset - 7)).filter(
    (day) => calendar.closedReasonOn(day) === null,
  );
  const random = pseudoRandom(2020);
  const stored: (RuleBooking & { floorId: string })[] = [];
  let count = 0;
  for (const day of days) {
    for (const person of staff) {
      const personId = ids.get(person.username);
      if (!personId || random() > 0.45) continue;
      const slot: Slot = random() < 0.7 ? 'day' : random() < 0.5 ? 'am' : 'pm';
      // A few tries from a random desk on: the rules pick which of them is allowed.
      for (let attempt = 0; attempt < 12; attempt++) {
        const desk = desks[Math.floor(random() * desks.length)]!;
        const verdict = checkBooking(
          { deskId: desk.id, personId, date: day, slot },
          {
            today: day,
            rules: DEMO_RULES,
            floorDesks: desks.filter((d) => d.floorId === desk.floorId),
            floorBookings: stored.filter((b) => b.floorId === desk.floorId && b.date === day),
            personWeek: stored.filter((b) => b.personId === personId),
            personTeam: person.orgUnit ?? null,
            calendar,
            // A demo plan's zones have no capacity of their own: the site's 50 % applies.
            zoneCapacities: new Map(),
          },
        );
        if (!verdict.ok) continue;
        stored.push({ deskId: desk.id, personId, date: day, slot, floorId: desk.floorId });
        await insertBooking(trx, {
          id: randomUUID(),
          desk_id: desk.id,
          floor_id: desk.floorId,
          person_id: personId,
          booked_on: day,
          slot,
          created_by: personId,
          created_at: now,
          updated_at: now,
          cancelled_at: null,
          ...statusOn(day, today, random),
        });
        count += 1;
        break;
      }
    }
  }
  return { desks: report.desks.created, bookings: count };
}
