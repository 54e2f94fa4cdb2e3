import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, type FieldError, invalid } from '../../platform/errors.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { namesOfPeople, orgUnitCodesOf } from '../directory/index.js';
import { activeBookingsOf, bookDeskFor, cancelBookingFor } from '../workplace/index.js';
import { agreementsInForce } from './agreement-repository.js';
import { capsFor } from './agreement-rules.js';
import {
  type AgreementDay,
  HALVES,
  type Half,
  type Place,
  type PresencePlan,
  type PresenceWeek,
  type Regime,
} from './contract.js';
import { crisisMeasuresBetween, type TitledMeasure } from './crisis-measures.js';
import { measuresOn } from './crisis-rules.js';
import {
  asHalf,
  asPlace,
  asTeleworkDb,
  type Db,
  listPresenceRows,
  type PresenceRow,
  replacePresenceRows,
} from './presence-repository.js';
import {
  agreementOn,
  effectiveDays,
  type InForce,
  type PlannedDay,
  type PresenceContext,
  planWarnings,
  type RuleWarning,
  type SavedDay,
  teleworkDaysOf,
} from './presence-rules.js';
import { isoWeekName, mondayOfParam, monthOf, workingDaysBetween, workingDaysOf } from './presence-week.js';
import { getPolicy } from './staffing.js';
import { listProfilesWithFunction } from './staffing-repository.js';
import type { AgreementRow } from './tables.js';

// The weekly presence plan: reading a person's week (pre-filled where not saved, with its desks
// and warnings) and saving it whole, desk bookings included, all or nothing.

const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-GB' };

/** "mardi 8 décembre": how a day is named in a sentence. */
export const dayInWords = (day: string, language: Language): string =>
  new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

const monthInWords = (month: string, language: Language): string =>
  new Intl.DateTimeFormat(LOCALES[language], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** The measures' titles exist in French and Dutch: English readers get the French. */
const titleIn = (m: TitledMeasure, language: Language) => (language === 'nl' ? m.title.nl : m.title.fr);

/** The Monday a `week` parameter names, or a field error. */
export function weekMonday(param: string | undefined, today: string, field = 'week'): string {
  const monday = mondayOfParam(param, today);
  if (!monday)
    throw invalid([{ field, code: 'telework.presence.no_such_week', params: { week: param ?? '' } }]);
  return monday;
}

/** The period a week's warnings read: the whole months it touches (occasional days count by the month). */
const monthsAround = (dates: readonly string[]) => ({
  from: monthOf(dates[0]!).first,
  to: monthOf(dates.at(-1)!).last,
});

export type PlanContexts = {
  contexts: Map<string, PresenceContext>;
  measures: TitledMeasure[];
  rows: Map<string, PresenceRow[]>;
};

const toInForce = (row: AgreementRow): InForce => ({
  id: row.id,
  regime: row.regime as Regime,
  daysPerWeek: row.days_per_week === null ? null : Number(row.days_per_week),
  weekdays: JSON.parse(row.weekdays) as AgreementDay[],
  monthlyDays: row.monthly_days === null ? null : Number(row.monthly_days),
  startDate: row.start_date,
  endDate: row.end_date,
});

/** What the rules need of these people over a period, read in a few queries whatever their number. */
export async function loadPlanContexts(
  db: Db,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<PlanContexts> {
  const telework = asTeleworkDb(db);
  const [units, profiles, policy, agreements, measures, rows] = await Promise.all([
    orgUnitCodesOf(db as Kysely<any>, personIds),
    listProfilesWithFunction(telework, personIds),
    getPolicy(telework),
    agreementsInForce(telework, from, to, personIds),
    crisisMeasuresBetween(telework, from, to),
    listPresenceRows(db, personIds, from, to),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.personId, p]));
  const agreementsOf = new Map<string, InForce[]>();
  for (const row of agreements)
    agreementsOf.set(row.person_id, [...(agreementsOf.get(row.person_id) ?? []), toInForce(row)]);
  const contexts = new Map<string, PresenceContext>();
  for (const id of personIds) {
    const profile = profileOf.get(id);
    const occupationPct = profile ? Number(profile.occupationPct) : 100;
    contexts.set(id, {
      // Without a profile the function is unknown: a crisis measure still sends the person home,
      // as in March 2020, when nobody's function had been recorded.
      person: {
        id,
        orgUnit: units.get(id) ?? null,
        teleworkable: profile ? Number(profile.teleworkable) === 1 : true,
      },
      occupationPct,
      caps: capsFor(policy, occupationPct),
      agreements: agreementsOf.get(id) ?? [],
      measures,
    });
  }
  const byPerson = new Map<string, PresenceRow[]>();
  for (const row of rows) byPerson.set(row.person_id, [...(byPerson.get(row.person_id) ?? []), row]);
  return { contexts, measures, rows: byPerson };
}

export function savedDaysOf(rows: readonly PresenceRow[]): Map<string, SavedDay> {
  const saved = new Map<string, SavedDay>();
  for (const row of rows)
    saved.set(row.day, { ...saved.get(row.day), [asHalf(row.part)]: asPlace(row.place) });
  return saved;
}

/** A person's week as it stands and its warnings, from loaded contexts. */
export function plannedWeek(
  loaded: PlanContexts,
  personId: string,
  monday: string,
): { week: PlannedDay[]; warnings: RuleWarning[]; context: PresenceContext; isSaved: boolean } {
  const dates = workingDaysOf(monday);
  const { from, to } = monthsAround(dates);
  const context = loaded.contexts.get(personId)!;
  const rows = loaded.rows.get(personId) ?? [];
  const months = effectiveDays(workingDaysBetween(from, to), savedDaysOf(rows), context);
  const week = months.filter((d) => dates.includes(d.date));
  return {
    week,
    warnings: planWarnings(week, months, context),
    context,
    isSaved: rows.some((r) => dates.includes(r.day)),
  };
}

function warningInWords(w: RuleWarning, measures: readonly TitledMeasure[], language: Language) {
  const measure = measures.find((m) => m.id === w.params.measure);
  const params = {
    ...w.params,
    ...(w.date && { day: dayInWords(w.date, language) }),
    ...(typeof w.params.month === 'string' && { month: monthInWords(w.params.month, language) }),
    ...(measure && { measure: titleIn(measure, language) }),
  };
  return { code: w.code, message: translate(language, w.code, params), date: w.date };
}

/** A person's week: each half day's place and where it comes from, their desks, the warnings in words. */
export async function personWeek(
  db: Db,
  personId: string,
  weekParam: string | undefined,
  today: string,
  language: Language,
): Promise<PresenceWeek> {
  const monday = weekMonday(weekParam, today);
  const dates = workingDaysOf(monday);
  const { from, to } = monthsAround(dates);
  const [loaded, bookings, names] = await Promise.all([
    loadPlanContexts(db, [personId], from, to),
    activeBookingsOf(db, personId, dates[0]!, dates[4]!),
    namesOfPeople(db as Kysely<any>, [personId]),
  ]);
  const { week, warnings, context, isSaved } = plannedWeek(loaded, personId, monday);
  const agreement = dates.map((d) => agreementOn(context.agreements, d)).find((a) => a !== undefined) ?? null;
  const covering = loaded.measures.filter((m) =>
    dates.some((d) => measuresOn([m], context.person, d).length > 0),
  );
  return {
    person: { id: personId, name: names.get(personId) ?? '' },
    week: isoWeekName(monday),
    monday,
    days: week.map((day) => ({
      ...day,
      desks: bookings
        .filter((b) => b.date === day.date)
        .map((b) => ({ bookingId: b.id, desk: b.desk, floor: b.floor, site: b.site, slot: b.slot })),
    })),
    isSaved,
    agreement: agreement && {
      id: agreement.id,
      regime: agreement.regime,
      daysPerWeek: agreement.daysPerWeek,
      weekdays: [...agreement.weekdays],
      monthlyDays: agreement.monthlyDays,
    },
    crisisMeasures: covering.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: titleIn(m, language),
      startDate: m.startDate,
    })),
    teleworkDays: teleworkDaysOf(week),
    warnings: warnings.map((w) => warningInWords(w, loaded.measures, language)),
  };
}

/** The impossible parts of a plan, each naming its field: a day outside the week, twice, missing. */
function planProblems(plan: PresencePlan, dates: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  for (const [index, day] of plan.days.entries()) {
    if (!dates.includes(day.date))
      problems.push({
        field: `days.${index}.date`,
        code: 'telework.presence.day_outside_week',
        params: { day: day.date, week: plan.week },
      });
    else if (seen.has(day.date))
      problems.push({
        field: `days.${index}.date`,
        code: 'telework.presence.day_twice',
        params: { day: day.date },
      });
    seen.add(day.date);
    if (day.desk !== undefined && day.am !== 'office' && day.pm !== 'office')
      problems.push({ field: `days.${index}.desk`, code: 'telework.presence.desk_without_office' });
  }
  for (const date of dates)
    if (!seen.has(date))
      problems.push({ field: 'days', code: 'telework.presence.day_missing', params: { day: date } });
  return problems;
}

/** The slot a desk is booked for: the halves at the office. */
function officeSlot(day: { am: Place; pm: Place }): 'am' | 'pm' | 'day' | null {
  if (day.am === 'office' && day.pm === 'office') return 'day';
  if (day.am === 'office') return 'am';
  return day.pm === 'office' ? 'pm' : null;
}
const halvesOf = (slot: string): Half[] => (slot === 'day' ? ['am', 'pm'] : [asHalf(slot)]);

/** Workplace's refusal, said in the person's language and naming the day: nothing of the plan is kept. */
function deskRefusal(index: number, date: string, error: AppError, language: Language): AppError {
  const cause = error.fieldErrors[0] ?? { code: error.code, params: error.params };
  const day = dayInWords(date, language);
  const reason = translate(language, cause.code, cause.params);
  return new AppError(
    'telework.presence.desk_refused',
    error.status === 409 ? 409 : 400,
    { day, reason: String(error.params.reason ?? cause.code) },
    [{ field: `days.${index}.desk`, code: 'telework.presence.desk_refused_on', params: { day, reason } }],
  );
}

/**
 * Saves a person's week whole: each half day's place, and for an office day the desk asked for,
 * booked through the workplace rules in the same transaction. A desk the plan no longer needs (the
 * day turned to telework, another desk chosen) is cancelled. A refusal undoes everything.
 */
export async function saveWeek(
  db: Db,
  actor: AuditActor,
  personId: string,
  plan: PresencePlan,
  today: string,
  language: Language,
): Promise<PresenceWeek> {
  const monday = weekMonday(plan.week, today);
  const dates = workingDaysOf(monday);
  const problems = planProblems(plan, dates);
  if (problems.length) throw invalid(problems);

  await withTransaction(
    db,
    async (trx) => {
      const bookings = await activeBookingsOf(trx, personId, dates[0]!, dates[4]!);
      const rows: PresenceRow[] = [];
      const booked: string[] = [];
      let cancelled = 0;
      const now = nowInstant();
      for (const [index, day] of plan.days.entries()) {
        const slot = officeSlot(day);
        let kept = bookings.filter((b) => b.date === day.date);
        // The past stays as it was: a booking of yesterday is history, not a desk to give back.
        if (day.date >= today) {
          const isStillNeeded = (b: (typeof kept)[number]) =>
            halvesOf(b.slot).some((h) => day[h] === 'office') &&
            (day.desk === undefined || (b.desk === day.desk && b.slot === slot));
          for (const b of kept.filter((b) => !isStillNeeded(b))) {
            await cancelBookingFor(trx, actor, personId, b.id);
            cancelled += 1;
          }
          kept = kept.filter(isStillNeeded);
        }
        if (day.desk !== undefined && slot && kept.length === 0) {
          try {
            kept = [await bookDeskFor(trx, actor, personId, { desk: day.desk, date: day.date, slot }, today)];
            booked.push(day.desk);
          } catch (error) {
            if (error instanceof AppError && error.status < 500)
              throw deskRefusal(index, day.date, error, language);
            throw error;
          }
        }
        for (const half of HALVES)
          rows.push({
            person_id: personId,
            day: day.date,
            part: half,
            place: day[half],
            desk_booking_id:
              day[half] === 'office' ? (kept.find((b) => halvesOf(b.slot).includes(half))?.id ?? null) : null,
            updated_at: now,
            updated_by: actor.id,
          });
      }
      await replacePresenceRows(trx, personId, dates, rows);
      await writeAudit(trx, actor, {
        action: 'telework.presence_planned',
        objectType: 'telework_presence',
        objectId: personId,
        summary: {
          week: isoWeekName(monday),
          officeHalves: rows.filter((r) => r.place === 'office').length,
          teleworkHalves: rows.filter((r) => r.place === 'telework').length,
          desksBooked: booked,
          desksCancelled: cancelled,
        },
      });
    },
    { isolation: 'serializable' },
  );
  return personWeek(db, personId, monday, today, language);
}
