import { describe, expect, it } from 'vitest';
import {
  type AgreementForRules,
  allowanceFor,
  divideHalfUp,
  monthlyTeleworkDays,
  monthPeriod,
  overlappingRate,
  type RateForRules,
} from './allowance-rules.js';

const rate = (overrides: Partial<RateForRules> = {}): RateForRules => ({
  id: 'connection-2014',
  kind: 'connection',
  monthlyCents: 2000,
  startDate: '2014-01-01',
  endDate: null,
  proration: 'none',
  fullDays: null,
  ...overrides,
});
const agreement = (overrides: Partial<AgreementForRules> = {}): AgreementForRules => ({
  status: 'approved',
  regime: 'structural',
  daysPerWeek: 2,
  monthlyDays: null,
  startDate: '2020-01-01',
  endDate: null,
  ...overrides,
});
const full = (agreements: AgreementForRules[], occupationPct = 100) => ({ occupationPct, agreements });

describe('allowance rules', () => {
  it('knows the days of a month, February of a leap year included', () => {
    expect(monthPeriod('2021-02')).toEqual({ first: '2021-02-01', last: '2021-02-28', days: 28 });
    expect(monthPeriod('2020-02')).toEqual({ first: '2020-02-01', last: '2020-02-29', days: 29 });
    expect(monthPeriod('2021-12').days).toBe(31);
  });

  it('rounds a cent half up, exactly', () => {
    expect(divideHalfUp(5, 2)).toBe(3);
    expect(divideHalfUp(7, 3)).toBe(2);
    expect(divideHalfUp(2000 * 80, 100)).toBe(1600);
    expect(() => divideHalfUp(1, 0)).toThrow(RangeError);
  });

  it('counts an agreement’s telework days a month as structural days × 4 plus occasional days', () => {
    expect(monthlyTeleworkDays({ daysPerWeek: 2.5, monthlyDays: null })).toBe(10);
    expect(monthlyTeleworkDays({ daysPerWeek: null, monthlyDays: 6 })).toBe(6);
    expect(monthlyTeleworkDays({ daysPerWeek: 1, monthlyDays: 2 })).toBe(6);
  });

  it('pays the full amount for a whole month under an approved agreement', () => {
    expect(allowanceFor('2021-03', full([agreement()]), [rate()])).toEqual({
      coveredDays: 31,
      regime: 'structural',
      monthlyDays: 8,
      amounts: [{ rateId: 'connection-2014', amountCents: 2000 }],
      amountCents: 2000,
    });
  });

  it('pays nothing without an approved agreement in force that month', () => {
    expect(allowanceFor('2021-03', full([agreement({ status: 'requested' })]), [rate()])).toBeNull();
    expect(allowanceFor('2021-03', full([agreement({ endDate: '2021-02-28' })]), [rate()])).toBeNull();
    expect(allowanceFor('2021-03', full([agreement({ startDate: '2021-04-01' })]), [rate()])).toBeNull();
    expect(allowanceFor('2013-03', full([agreement({ startDate: '2013-01-01' })]), [rate()])).toBeNull();
  });

  it('prorates by occupation: 20 € at 80% is 16 €, at 75% of 25.01 € is 18.76 € (half up)', () => {
    const occupation = rate({ proration: 'occupation' });
    expect(allowanceFor('2021-03', full([agreement()], 80), [occupation])?.amountCents).toBe(1600);
    const odd = rate({ proration: 'occupation', monthlyCents: 2501 });
    // 2501 × 0.75 = 1875.75 cents → 1876.
    expect(allowanceFor('2021-03', full([agreement()], 75), [odd])?.amountCents).toBe(1876);
  });

  it('prorates by telework days against the full-amount days, never above the full amount', () => {
    const days = rate({ proration: 'days', fullDays: 12, monthlyCents: 5000 });
    // 2 days a week = 8 days a month: 8/12 of 50 € = 33.33 €.
    expect(allowanceFor('2021-03', full([agreement()]), [days])?.amountCents).toBe(3333);
    // 3 days a week and 4 occasional days: 16 days, capped at the full 50 €.
    const many = agreement({ regime: 'mixed', daysPerWeek: 3, monthlyDays: 4 });
    expect(allowanceFor('2021-03', full([many]), [days])?.amountCents).toBe(5000);
    // Occasional only: 3 days a month, 3/12 of 50 € = 12.50 €.
    const occasional = agreement({ regime: 'occasional', daysPerWeek: null, monthlyDays: 3 });
    expect(allowanceFor('2021-03', full([occasional]), [days])?.amountCents).toBe(1250);
  });

  it('prorates a month partly covered by calendar days: from 16 April, 15/30 of 20 € is 10 €', () => {
    const fromMid = agreement({ startDate: '2021-04-16' });
    expect(allowanceFor('2021-04', full([fromMid]), [rate()])).toMatchObject({
      coveredDays: 15,
      amountCents: 1000,
    });
    // Ending on 10 March: 10/31 of 20 € = 6.4516… → 6.45 €.
    const ending = agreement({ endDate: '2021-03-10' });
    expect(allowanceFor('2021-03', full([ending]), [rate()])?.amountCents).toBe(645);
  });

  it('splits a month between two successive rates of a kind, each by its own days', () => {
    const old = rate({ id: 'old', endDate: '2021-03-15' });
    const next = rate({ id: 'new', monthlyCents: 3100, startDate: '2021-03-16' });
    const paid = allowanceFor('2021-03', full([agreement()]), [old, next]);
    // 15/31 of 20 € = 9.68 €; 16/31 of 31 € = 16.00 €.
    expect(paid?.amounts).toEqual([
      { rateId: 'old', amountCents: 968 },
      { rateId: 'new', amountCents: 1600 },
    ]);
    expect(paid?.amountCents).toBe(2568);
  });

  it('adds allowances of different kinds', () => {
    const office = rate({ id: 'office', kind: 'office_costs', monthlyCents: 5000, proration: 'occupation' });
    expect(allowanceFor('2021-03', full([agreement()], 50), [rate(), office])?.amountCents).toBe(4500);
  });

  it('counts a day once when agreements follow each other, each with its own days', () => {
    const first = agreement({ endDate: '2021-03-15', daysPerWeek: 1 });
    const second = agreement({ startDate: '2021-03-16', daysPerWeek: 3 });
    const days = rate({ proration: 'days', fullDays: 12, monthlyCents: 3100 });
    const paid = allowanceFor('2021-03', full([second, first]), [days]);
    // 15 days at 4/12 and 16 days at 12/12 of 31 €: (15 × 4 + 16 × 12) / (12 × 31) × 3100 = 2100.
    expect(paid).toMatchObject({ coveredDays: 31, monthlyDays: 12, amountCents: 2100 });
  });

  it('finds the rate of the same kind a new one would overlap, not one of another kind', () => {
    const rates = [rate({ id: 'a', endDate: '2020-12-31' }), rate({ id: 'b', kind: 'office_costs' })];
    expect(overlappingRate(rates, { kind: 'connection', startDate: '2021-01-01', endDate: null })).toBe(
      undefined,
    );
    expect(overlappingRate(rates, { kind: 'connection', startDate: '2020-12-31', endDate: null })?.id).toBe(
      'a',
    );
    // A rate does not overlap itself when it is changed.
    expect(
      overlappingRate(rates, { id: 'a', kind: 'connection', startDate: '2019-01-01', endDate: null }),
    ).toBe(undefined);
  });
});
