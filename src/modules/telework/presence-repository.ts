import type { Kysely } from 'kysely';
import type { AgreementDay, CrisisKind, Half, Place, Regime } from './contract.js';
import type { Measure } from './crisis-rules.js';
import type { InForce } from './presence-rules.js';
import type { TeleworkTables } from './tables.js';

// The presence plan's SQL: its own table, and what it reads of the agreements, profiles, policy
// and crisis measures (read only: the agreements service writes them). Connection first.

export type PresenceRow = {
  person_id: string;
  day: string;
  part: string;
  place: string;
  desk_booking_id: string | null;
  updated_at: string;
  updated_by: string | null;
};
export type PresenceTables = TeleworkTables & { telework_presence: PresenceRow };
export type Db = Kysely<PresenceTables>;

export const listPresenceRows = (db: Db, personIds: readonly string[], from: string, to: string) =>
  personIds.length === 0
    ? Promise.resolve([] as PresenceRow[])
    : db
        .selectFrom('telework_presence')
        .selectAll()
        .where('person_id', 'in', [...personIds])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('day')
        .orderBy('part')
        .execute();

/** Replaces a person's rows of these days by the new ones (a week saved whole). */
export async function replacePresenceRows(
  trx: Db,
  personId: string,
  days: readonly string[],
  rows: readonly PresenceRow[],
): Promise<void> {
  await trx
    .deleteFrom('telework_presence')
    .where('person_id', '=', personId)
    .where('day', 'in', [...days])
    .execute();
  if (rows.length)
    await trx
      .insertInto('telework_presence')
      .values([...rows])
      .execute();
}

/** The approved agreements of these people overlapping a period. */
export async function listAgreementsInForce(
  db: Db,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, InForce[]>> {
  const byPerson = new Map<string, InForce[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('telework_agreement')
    .select([
      'id',
      'person_id',
      'regime',
      'days_per_week',
      'weekdays',
      'monthly_days',
      'start_date',
      'end_date',
    ])
    .where('person_id', 'in', [...personIds])
    .where('status', '=', 'approved')
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('start_date')
    .execute();
  for (const r of rows)
    byPerson.set(r.person_id, [
      ...(byPerson.get(r.person_id) ?? []),
      {
        id: r.id,
        regime: r.regime as Regime,
        daysPerWeek: r.days_per_week === null ? null : Number(r.days_per_week),
        weekdays: JSON.parse(r.weekdays) as AgreementDay[],
        monthlyDays: r.monthly_days === null ? null : Number(r.monthly_days),
        startDate: r.start_date,
        endDate: r.end_date,
      },
    ]);
  return byPerson;
}

/** Each person's occupation and whether their function can be done from home (none without a profile). */
export async function listProfiles(
  db: Db,
  personIds: readonly string[],
): Promise<Map<string, { occupationPct: number; isTeleworkable: boolean }>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('telework_staff_profile as p')
    .innerJoin('telework_function as f', 'f.code', 'p.function_code')
    .select(['p.person_id', 'p.occupation_pct', 'f.is_teleworkable'])
    .where('p.person_id', 'in', [...personIds])
    .execute();
  return new Map(
    rows.map((r) => [
      r.person_id,
      { occupationPct: Number(r.occupation_pct), isTeleworkable: Number(r.is_teleworkable) === 1 },
    ]),
  );
}

export type PolicyCaps = { weeklyCapDays: number; monthlyCapDays: number | null };

/** The institution's caps; the defaults of the rules when HR never set them (3 days a week). */
export async function findPolicyCaps(db: Db): Promise<PolicyCaps> {
  const row = await db
    .selectFrom('telework_policy')
    .select(['weekly_cap_days', 'monthly_cap_days'])
    .where('id', '=', 'institution')
    .executeTakeFirst();
  return row
    ? {
        weeklyCapDays: Number(row.weekly_cap_days),
        monthlyCapDays: row.monthly_cap_days === null ? null : Number(row.monthly_cap_days),
      }
    : { weeklyCapDays: 3, monthlyCapDays: null };
}

export type TitledMeasure = Measure & { title: { fr: string; nl: string } };

/** The crisis measures overlapping a period. */
export async function listMeasuresDuring(db: Db, from: string, to: string): Promise<TitledMeasure[]> {
  const rows = await db
    .selectFrom('telework_crisis_measure')
    .selectAll()
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .orderBy('start_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as CrisisKind,
    startDate: r.start_date,
    endDate: r.end_date,
    orgUnits: JSON.parse(r.org_units) as string[],
    exceptions: JSON.parse(r.exceptions) as string[],
    weeklyCapDays: r.weekly_cap_days === null ? null : Number(r.weekly_cap_days),
    title: { fr: r.title_fr, nl: r.title_nl },
  }));
}

export const asHalf = (part: string): Half => (part === 'pm' ? 'pm' : 'am');
export const asPlace = (place: string): Place => place as Place;

/** Where everyone's saved plan puts them on a day, morning then afternoon (the live figures). */
export async function plannedPlacesOn(db: Db, day: string): Promise<Map<string, Place[]>> {
  const rows = await db
    .selectFrom('telework_presence')
    .select(['person_id', 'place'])
    .where('day', '=', day)
    .orderBy('person_id')
    .orderBy('part')
    .execute();
  const places = new Map<string, Place[]>();
  for (const row of rows)
    places.set(row.person_id, [...(places.get(row.person_id) ?? []), asPlace(row.place)]);
  return places;
}
