import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_RULES, type SiteRules } from '../../../../src/modules/workplace/contract.js';
import { capacityFromForm, type FormProblem, formFromRules, rulesFromForm } from './rules-form.js';

const rules: SiteRules = {
  ...DEFAULT_SITE_RULES,
  zoneCapacity: { percent: 50 },
  weeklyOfficeDaysMax: 3,
  closingDays: ['2026-12-24', '2026-12-21'],
  teamRotation: { oddWeeks: ['DIR-A', 'DIR-B'], evenWeeks: ['DIR-C'] },
};

describe('the site rules form', () => {
  it('gives back the rules it was filled with (closing days sorted)', () => {
    const form = formFromRules(rules);
    expect(form.closingDays).toBe('2026-12-21\n2026-12-24');
    expect(form.oddWeeks).toBe('DIR-A, DIR-B');
    expect(rulesFromForm(form)).toEqual({
      ok: true,
      rules: { ...rules, closingDays: ['2026-12-21', '2026-12-24'] },
    });
  });

  it('reads an empty weekly limit as none, no teams as no rotation, and numbers typed as text', () => {
    const form = {
      ...formFromRules(rules),
      weeklyOfficeDaysMax: '',
      oddWeeks: ' ',
      evenWeeks: '',
      minDistanceMetres: '2.5',
      zoneCapacity: { kind: 'none' as const, value: '40' },
    };
    expect(rulesFromForm(form)).toMatchObject({
      ok: true,
      rules: { weeklyOfficeDaysMax: null, teamRotation: null, minDistanceMetres: 2.5, zoneCapacity: null },
    });
  });

  it('names each field that is wrong: empty, out of bounds, not a day, a team in both weeks', () => {
    const form = {
      ...formFromRules(rules),
      minDistanceMetres: '',
      zoneCapacity: { kind: 'percent' as const, value: 120 },
      horizonDays: 2.5,
      weeklyOfficeDaysMax: 0,
      closingDays: '2026-12-24\n2026-02-30',
      evenWeeks: 'DIR-B',
    };
    const answer = rulesFromForm(form);
    expect(answer.ok).toBe(false);
    expect((answer as { problems: FormProblem[] }).problems).toEqual([
      { field: 'minDistanceMetres', code: 'validation.required' },
      { field: 'zoneCapacity', code: 'validation.maximum', params: { limit: 100 } },
      { field: 'horizonDays', code: 'validation.invalid' },
      { field: 'weeklyOfficeDaysMax', code: 'validation.minimum', params: { limit: 1 } },
      { field: 'closingDays', code: 'web.workplace.admin.bad_day', params: { day: '2026-02-30' } },
      { field: 'teamRotation', code: 'web.workplace.admin.team_both_weeks', params: { team: 'DIR-B' } },
    ]);
  });
});

describe("a zone's capacity", () => {
  it('is a number of people, a percentage up to 100, or none (the site rule)', () => {
    const problems: FormProblem[] = [];
    expect(capacityFromForm('capacity', { kind: 'people', value: 12 }, problems)).toEqual({ people: 12 });
    expect(capacityFromForm('capacity', { kind: 'percent', value: '30' }, problems)).toEqual({ percent: 30 });
    expect(capacityFromForm('capacity', { kind: 'none', value: 'x' }, problems)).toBeNull();
    expect(problems).toEqual([]);
    capacityFromForm('capacity', { kind: 'people', value: -1 }, problems);
    expect(problems).toEqual([{ field: 'capacity', code: 'validation.minimum', params: { limit: 0 } }]);
  });

  it('keeps the check-in times and refuses one that is no time of day, naming its half', () => {
    const form = formFromRules({ ...rules, checkInBy: { am: '11:30', pm: '15:00' } });
    expect([form.checkInAm, form.checkInPm]).toEqual(['11:30', '15:00']);
    expect(rulesFromForm(form)).toMatchObject({
      ok: true,
      rules: { checkInBy: { am: '11:30', pm: '15:00' } },
    });
    const wrong = rulesFromForm({ ...form, checkInAm: '25:00', checkInPm: '' });
    expect(wrong.ok ? [] : wrong.problems.map((p: FormProblem) => [p.field, p.code])).toEqual([
      ['checkInBy.am', 'validation.invalid'],
      ['checkInBy.pm', 'validation.required'],
    ]);
  });
});
