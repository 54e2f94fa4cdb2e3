import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadTestBuilding, makeBooker, nextOpenDays } from '../../test-support/workplace.js';
import { bookingViolations, type StoredBooking } from './booking-invariants.js';
import { isoWeekName } from './calendar.js';
import { DEFAULT_SITE_RULES, REFUSAL_CODES, type Slot } from './contract.js';
import { type Db, saveSiteRules } from './repository.js';
import { rowFromRules } from './site-rules.js';

// The promise of the module: two bookings that together would break a rule never both succeed.
// 200 requests at once, all on one floor over two days of one week, crowding 60 people onto 120
// desks under every rule that can collide (desk, distance, zone capacity, one desk per person and
// slot, one office day a week); then every rule is checked again on what was stored (booking-invariants.ts, tested beside it).

const REQUESTS = 200;
const PEOPLE = 60;
const CAPACITY_PERCENT = 25; // 10 people in a wing of 40 desks
const SLOTS: Slot[] = ['am', 'pm', 'day'];

/** A repeatable sequence, so a failure can be replayed. */
function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Two open days of one ISO week within the booking horizon. */
function twoDaysOfOneWeek(): [string, string] {
  const days = nextOpenDays(10);
  for (let i = 0; i + 1 < days.length; i++)
    if (isoWeekName(days[i]!) === isoWeekName(days[i + 1]!)) return [days[i]!, days[i + 1]!];
  throw new Error('no two open days in one week');
}

describe.each(DIALECTS)('%s: bookings under concurrency', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it(`keeps every rule when ${REQUESTS} conflicting bookings arrive at once`, async () => {
    const site = await loadTestBuilding(t.app, 'c');
    const rules = {
      ...DEFAULT_SITE_RULES,
      closingDays: [],
      zoneCapacity: { percent: CAPACITY_PERCENT },
      weeklyOfficeDaysMax: 1,
    };
    await saveSiteRules(
      t.app.db as Db,
      rowFromRules(site, rules, { at: new Date().toISOString(), by: null }),
    );
    const people: Awaited<ReturnType<typeof makeBooker>>[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await makeBooker(t.app));
    const desks = (
      await t.app.db
        .selectFrom('workplace_desk')
        .select('id')
        .where('floor_id', '=', 'c-botanique-03')
        .execute()
    ).map((d) => d.id);
    const days = twoDaysOfOneWeek();
    const random = pseudoRandom(13);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const requests = Array.from({ length: REQUESTS }, () => ({
      person: pick(people),
      // A third of the floor: requests collide on desks, neighbours and wings.
      payload: { desk: pick(desks.slice(0, 40)), date: pick(days), slot: pick(SLOTS) },
    }));

    const answers = await Promise.all(
      requests.map(({ person, payload }) =>
        t.app.inject({ method: 'POST', url: '/api/v1/workplace/bookings', headers: person.headers, payload }),
      ),
    );

    const unexpected = answers
      .filter((a) => a.statusCode !== 201 && a.statusCode !== 409)
      .map((a) => `${a.statusCode} ${a.body.slice(0, 200)}`);
    expect(unexpected).toEqual([]);
    const reasons = answers.filter((a) => a.statusCode === 409).map((a) => a.json().reason);
    expect(reasons.filter((reason) => !(REFUSAL_CODES as readonly string[]).includes(reason))).toEqual([]);
    // The run did put the rules to the test: bookings passed and each kind of conflict was met.
    const accepted = answers.filter((a) => a.statusCode === 201).length;
    expect(accepted).toBeGreaterThan(5);
    for (const reason of ['desk_taken', 'too_close', 'person_already_booked', 'weekly_limit'])
      expect(reasons, reason).toContain(reason);

    const stored = (await t.app.db
      .selectFrom('workplace_booking as b')
      .innerJoin('workplace_desk as d', 'd.id', 'b.desk_id')
      .select(['b.desk_id', 'b.person_id', 'b.booked_on', 'b.slot', 'd.x', 'd.y', 'd.zone_id'])
      .where('b.floor_id', '=', 'c-botanique-03')
      .where('b.status', 'in', ['booked', 'checked_in'])
      .execute()) as StoredBooking[];
    expect(stored).toHaveLength(accepted);
    expect(
      bookingViolations(
        stored.map((s) => ({ ...s, x: Number(s.x), y: Number(s.y) })),
        { minDistanceMetres: rules.minDistanceMetres, zoneCapacity: () => 10, weeklyOfficeDaysMax: 1 },
      ),
    ).toEqual([]);
  }, 120_000);
});
