import { describe, expect, it } from 'vitest';
import {
  type AgreementForm,
  emptyForm,
  firstErrorField,
  isSumMatching,
  requestFromForm,
  suggestedStart,
  weekdaySum,
} from './agreement-form.js';

const suggest = (clause: string) => `suggested ${clause}`;
const form = (overrides: Partial<AgreementForm> = {}): AgreementForm => ({
  ...emptyForm('2026-12-07', suggest),
  place: 'Kerkstraat 12, 9000 Gent',
  ...overrides,
});

describe('the agreement request form', () => {
  it('adds a whole day as 1 and a morning or an afternoon as ½', () => {
    expect(weekdaySum({ mon: 'day', tue: 'am', wed: 'none', thu: 'pm', fri: 'none' })).toBe(2);
    expect(weekdaySum(form().weekdays)).toBe(0);
  });

  it('matches the days a week only when the picked days add up to them', () => {
    const weekdays = { ...form().weekdays, tue: 'day' as const, thu: 'am' as const };
    expect(isSumMatching({ daysPerWeek: 1.5, weekdays })).toBe(true);
    expect(isSumMatching({ daysPerWeek: 1, weekdays })).toBe(false);
    expect(isSumMatching({ daysPerWeek: '', weekdays })).toBe(false);
  });

  it('suggests a start on the first of a month at least two weeks ahead', () => {
    expect(suggestedStart('2026-12-07')).toBe('2027-01-01');
    expect(suggestedStart('2026-12-20')).toBe('2027-02-01');
    expect(suggestedStart('2026-12-18')).toBe('2027-01-01');
  });

  it('prefills reachability from 09:00 to 16:00 and the written clauses with suggestions', () => {
    expect(form()).toMatchObject({
      reachableFrom: '09:00',
      reachableTo: '16:00',
      equipment: 'suggested equipment',
      ending: 'suggested ending',
      endDate: '',
    });
  });

  it('sends a structural request with its weekdays and clauses, and no end for an indefinite one', () => {
    const request = requestFromForm(form({ weekdays: { ...form().weekdays, tue: 'day' } }));
    expect(request).toEqual({
      regime: 'structural',
      daysPerWeek: 1,
      weekdays: [{ day: 'tue', part: 'day' }],
      startDate: '2027-01-01',
      clauses: {
        place: 'Kerkstraat 12, 9000 Gent',
        reachableFrom: '09:00',
        reachableTo: '16:00',
        equipment: 'suggested equipment',
        costs: 'suggested costs',
        followUp: 'suggested followUp',
        ending: 'suggested ending',
      },
    });
  });

  it('sends an occasional request with its monthly days only, and leaves blank clauses out', () => {
    const request = requestFromForm(
      form({ regime: 'occasional', monthlyDays: 4, endDate: '2027-12-31', equipment: ' ', motivation: ' ' }),
    );
    expect(request).toEqual({
      regime: 'occasional',
      monthlyDays: 4,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      clauses: { place: 'Kerkstraat 12, 9000 Gent', reachableFrom: '09:00', reachableTo: '16:00' },
    });
  });

  it('leaves an emptied clause of a written agreement out, for the server to ask for it', () => {
    const request = requestFromForm(form({ regime: 'mixed', equipment: '', monthlyDays: 2 }));
    expect(request.clauses.equipment).toBeUndefined();
    expect(request).toMatchObject({ daysPerWeek: 1, monthlyDays: 2, weekdays: [] });
  });

  it('names the first field in reading order that has an error', () => {
    expect(firstErrorField(['clauses.equipment', 'weekdays', 'startDate'])).toBe('weekdays');
    expect(firstErrorField(['nothing.here'])).toBeNull();
  });
});
