import type { TableExport } from '../../platform/exports/table.js';
import { type Language, translate } from '../../platform/i18n/i18n.js';
import { orgUnitNames, staffEmployedOn } from '../directory/index.js';
import { agreementsInForce, type Db, forOtherModules } from './agreement-repository.js';
import type { AgreementDay, LiveFigures, LiveUnit, Regime } from './contract.js';
import { crisisMeasuresBetween } from './crisis-measures.js';
import { type LivePerson, type PlannedPlace, tallyLive } from './live-rules.js';
import { listProfilesWithFunction } from './staffing-repository.js';

/** Where the week's plans put people on a day (the presence plan answers it; none planned: empty). */
export type PlansOfDay = (day: string) => Promise<Map<string, PlannedPlace[]>>;
const noPlans: PlansOfDay = async () => new Map();

/**
 * The situation on a day from the live agreements, crisis measures and presence plans: how many
 * telework fully, partly or not at all, and how many are at home that day, per organisation unit.
 */
export async function liveFigures(
  db: Db,
  day: string,
  language: Language,
  plansOfDay: PlansOfDay = noPlans,
): Promise<LiveFigures> {
  const other = forOtherModules(db);
  const [staff, names, profiles, agreements, measures, plans] = await Promise.all([
    staffEmployedOn(other, day),
    orgUnitNames(other),
    listProfilesWithFunction(db),
    agreementsInForce(db, day, day),
    crisisMeasuresBetween(db, day, day),
    plansOfDay(day),
  ]);
  const teleworkable = new Map(profiles.map((p) => [p.personId, p.teleworkable === 1]));
  const agreementOf = new Map(agreements.map((a) => [a.person_id, a]));
  const people: LivePerson[] = staff.map((card) => {
    const agreement = agreementOf.get(card.id);
    return {
      id: card.id,
      orgUnit: card.orgUnitCode,
      // Without a profile nobody has judged the function: counted as able, as most functions are.
      teleworkable: teleworkable.get(card.id) ?? true,
      agreement: agreement
        ? {
            regime: agreement.regime as Regime,
            daysPerWeek: agreement.days_per_week,
            weekdays: JSON.parse(agreement.weekdays) as AgreementDay[],
          }
        : null,
      planned: plans.get(card.id) ?? [],
    };
  });
  const byUnit = new Map<string, LivePerson[]>();
  for (const person of people) {
    const code = person.orgUnit ?? '';
    byUnit.set(code, [...(byUnit.get(code) ?? []), person]);
  }
  const nameOf = (code: string) => {
    const name = names.get(code);
    return name ? (language === 'nl' ? name.nl : name.fr) : translate(language, 'telework.live.no_unit');
  };
  const units: LiveUnit[] = [...byUnit.entries()]
    .map(([code, members]) => ({ code, name: nameOf(code), ...tallyLive(members, measures, day) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  return {
    date: day,
    totals: tallyLive(people, measures, day),
    units,
    measures: measures.map((m) => (language === 'nl' ? m.title.nl : m.title.fr)),
  };
}

/** The figures per unit as a file, with the institution's total as the last row. */
export function liveFiguresExport(figures: LiveFigures, language: Language): TableExport<LiveUnit> {
  const t = (key: string) => translate(language, `telework.live.${key}`);
  const total: LiveUnit = { code: '', name: t('total'), ...figures.totals };
  const count = (header: string, value: (u: LiveUnit) => number) => ({
    header: t(header),
    kind: 'number' as const,
    value,
  });
  return {
    name: `telework-live-${figures.date}`,
    sheet: t('sheet'),
    columns: [
      { header: t('unit'), value: (u) => u.name, width: 40 },
      count('headcount', (u) => u.headcount),
      count('full', (u) => u.full),
      count('full_pct', (u) => u.full_pct),
      count('partial', (u) => u.partial),
      count('partial_pct', (u) => u.partial_pct),
      count('none', (u) => u.none),
      count('none_pct', (u) => u.none_pct),
      count('home', (u) => u.home),
      count('office', (u) => u.office),
      count('away', (u) => u.away),
    ],
    rows: [...figures.units, total],
  };
}
