import {
  DEFAULT_SITE_RULES,
  type SiteRules,
  WorkplaceLimits,
  type ZoneCapacity,
} from '../../../../src/modules/workplace/contract.js';

// The site rules and a zone's capacity as the admin forms hold them (text while typed), and back.
// Pure, so the checks the form makes before sending are tested without a browser; the server
// checks everything again and its field errors land beside the same inputs.

export type CapacityKind = 'none' | 'people' | 'percent';

/** A capacity as two inputs: a kind and a number (empty while not typed). */
export type CapacityForm = { kind: CapacityKind; value: number | string };

export type RulesForm = {
  minDistanceMetres: number | string;
  zoneCapacity: CapacityForm;
  horizonDays: number | string;
  isWholeDaysOnly: boolean;
  /** Empty: no weekly limit. */
  weeklyOfficeDaysMax: number | string;
  /** One day a line, YYYY-MM-DD. */
  closingDays: string;
  /** Team codes, separated by commas or new lines; both empty: no rotation. */
  oddWeeks: string;
  evenWeeks: string;
  /** `HH:MM`: check-in deadlines of morning (and whole-day) and afternoon bookings. */
  checkInAm: string;
  checkInPm: string;
};

/** A problem found before sending: the field (as the server names it), an i18n code and its values. */
export type FormProblem = { field: string; code: string; params?: Record<string, string | number> };

export const capacityForm = (capacity: ZoneCapacity | null): CapacityForm =>
  !capacity
    ? { kind: 'none', value: '' }
    : 'people' in capacity
      ? { kind: 'people', value: capacity.people }
      : { kind: 'percent', value: capacity.percent };

export function formFromRules(rules: SiteRules): RulesForm {
  return {
    minDistanceMetres: rules.minDistanceMetres,
    zoneCapacity: capacityForm(rules.zoneCapacity),
    horizonDays: rules.horizonDays,
    isWholeDaysOnly: rules.isWholeDaysOnly,
    weeklyOfficeDaysMax: rules.weeklyOfficeDaysMax ?? '',
    closingDays: [...rules.closingDays].sort().join('\n'),
    oddWeeks: rules.teamRotation?.oddWeeks.join(', ') ?? '',
    evenWeeks: rules.teamRotation?.evenWeeks.join(', ') ?? '',
    checkInAm: rules.checkInBy?.am ?? DEFAULT_SITE_RULES.checkInBy.am,
    checkInPm: rules.checkInBy?.pm ?? DEFAULT_SITE_RULES.checkInBy.pm,
  };
}

const isTimeOfDay = (time: string): boolean => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(time);

const isBlank = (value: number | string) => typeof value === 'string' && value.trim() === '';

/** A number within limits, or the problem with it. */
function numberIn(
  field: string,
  value: number | string,
  limits: { min: number; max: number; isInteger: boolean },
  problems: FormProblem[],
): number {
  if (isBlank(value)) {
    problems.push({ field, code: 'validation.required' });
    return Number.NaN;
  }
  const number = Number(value);
  if (!Number.isFinite(number) || (limits.isInteger && !Number.isInteger(number)))
    problems.push({ field, code: 'validation.invalid' });
  else if (number < limits.min)
    problems.push({ field, code: 'validation.minimum', params: { limit: limits.min } });
  else if (number > limits.max)
    problems.push({ field, code: 'validation.maximum', params: { limit: limits.max } });
  return number;
}

/** A capacity from its two inputs: people up to 10,000, a percentage up to 100, or none. */
export function capacityFromForm(
  field: string,
  form: CapacityForm,
  problems: FormProblem[],
): ZoneCapacity | null {
  if (form.kind === 'none') return null;
  const max = form.kind === 'people' ? 10_000 : 100;
  const value = numberIn(field, form.value, { min: 0, max, isInteger: true }, problems);
  return form.kind === 'people' ? { people: value } : { percent: value };
}

const words = (text: string): string[] =>
  text
    .split(/[\n,;]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');

const isIsoDay = (day: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/** The rules the form says, or every problem with it (each naming its field). */
export function rulesFromForm(
  form: RulesForm,
): { ok: true; rules: SiteRules } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const minDistanceMetres = numberIn(
    'minDistanceMetres',
    form.minDistanceMetres,
    { min: 0, max: WorkplaceLimits.distanceMetresMax, isInteger: false },
    problems,
  );
  const zoneCapacity = capacityFromForm('zoneCapacity', form.zoneCapacity, problems);
  const horizonDays = numberIn(
    'horizonDays',
    form.horizonDays,
    { min: 0, max: WorkplaceLimits.horizonDaysMax, isInteger: true },
    problems,
  );
  const weeklyOfficeDaysMax = isBlank(form.weeklyOfficeDaysMax)
    ? null
    : numberIn(
        'weeklyOfficeDaysMax',
        form.weeklyOfficeDaysMax,
        { min: 1, max: WorkplaceLimits.weeklyOfficeDaysMax, isInteger: true },
        problems,
      );
  const closingDays = [...new Set(words(form.closingDays))].sort();
  const wrongDay = closingDays.find((day) => !isIsoDay(day));
  if (wrongDay)
    problems.push({ field: 'closingDays', code: 'web.workplace.admin.bad_day', params: { day: wrongDay } });
  const oddWeeks = [...new Set(words(form.oddWeeks))];
  const evenWeeks = [...new Set(words(form.evenWeeks))];
  const both = oddWeeks.find((team) => evenWeeks.includes(team));
  if (both)
    problems.push({
      field: 'teamRotation',
      code: 'web.workplace.admin.team_both_weeks',
      params: { team: both },
    });
  const checkInBy = { am: form.checkInAm.trim(), pm: form.checkInPm.trim() };
  for (const [half, time] of Object.entries(checkInBy))
    if (!isTimeOfDay(time))
      problems.push({
        field: `checkInBy.${half}`,
        code: time === '' ? 'validation.required' : 'validation.invalid',
      });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    rules: {
      minDistanceMetres,
      zoneCapacity,
      horizonDays,
      isWholeDaysOnly: form.isWholeDaysOnly,
      weeklyOfficeDaysMax,
      closingDays,
      teamRotation: oddWeeks.length + evenWeeks.length > 0 ? { oddWeeks, evenWeeks } : null,
      checkInBy,
    },
  };
}
