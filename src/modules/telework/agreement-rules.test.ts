import { describe, expect, it } from 'vitest';
import {
  capsFor,
  daysOf,
  floorToHalfDay,
  periodsOverlap,
  type RequestContext,
  requestProblems,
} from './agreement-rules.js';
import type { AgreementRequest } from './contract.js';

const policy = { weeklyCapDays: 3, monthlyCapDays: null };
const context: RequestContext = {
  caps: capsFor(policy, 100),
  ineligibleReason: null,
  others: [],
  today: '2026-12-07',
};
const clauses = {
  place: 'Rue de la Loi 1, 1000 Bruxelles',
  reachableFrom: '09:00',
  reachableTo: '16:00',
  equipment: 'Laptop, headset',
  costs: '20 euros a month',
  followUp: 'Weekly team meeting',
  ending: 'One month notice',
};
const structural: AgreementRequest = {
  regime: 'structural',
  daysPerWeek: 2.5,
  weekdays: [
    { day: 'mon', part: 'day' },
    { day: 'wed', part: 'day' },
    { day: 'fri', part: 'am' },
  ],
  startDate: '2027-01-04',
  clauses,
};
const codes = (r: AgreementRequest, c = context) => requestProblems(r, c).map((p) => `${p.field}:${p.code}`);

describe('caps', () => {
  it('prorates three days to the occupation, rounded down to the half day', () => {
    expect(capsFor(policy, 100)).toEqual({ weeklyCapDays: 3, monthlyCapDays: 12 });
    expect(capsFor(policy, 80).weeklyCapDays).toBe(2); // 2.4
    expect(capsFor(policy, 90).weeklyCapDays).toBe(2.5); // 2.7
    expect(capsFor(policy, 50).weeklyCapDays).toBe(1.5);
    expect(floorToHalfDay(2.4999)).toBe(2);
  });
  it('uses the monthly cap of an institution that caps by month', () => {
    expect(capsFor({ weeklyCapDays: 3, monthlyCapDays: 8 }, 100).monthlyCapDays).toBe(8);
    expect(capsFor({ weeklyCapDays: 3, monthlyCapDays: 8 }, 80).monthlyCapDays).toBe(6); // 6.4
  });
});

describe('a request', () => {
  it('is fine when within the caps and complete', () => {
    expect(codes(structural)).toEqual([]);
    expect(daysOf(structural.weekdays!)).toBe(2.5);
  });
  it('refuses days above the prorated cap', () => {
    const c = { ...context, caps: capsFor(policy, 80) };
    expect(codes(structural, c)).toEqual(['daysPerWeek:telework.agreement.above_weekly_cap']);
  });
  it('refuses a monthly total above the monthly cap', () => {
    const c = { ...context, caps: capsFor({ weeklyCapDays: 3, monthlyCapDays: 8 }, 100) };
    expect(codes(structural, c)).toEqual(['daysPerWeek:telework.agreement.above_monthly_cap']);
    const mixed: AgreementRequest = { ...structural, regime: 'mixed', monthlyDays: 3 }; // 10 + 3 > 12
    expect(codes(mixed)).toEqual(['monthlyDays:telework.agreement.above_monthly_cap']);
  });
  it('wants days in half days, and weekdays that add up to them', () => {
    expect(codes({ ...structural, daysPerWeek: 1.3 })).toContain(
      'daysPerWeek:telework.agreement.half_days_only',
    );
    expect(codes({ ...structural, daysPerWeek: 2 })).toEqual([
      'weekdays:telework.agreement.weekdays_mismatch',
    ]);
    expect(
      codes({
        ...structural,
        daysPerWeek: 2,
        weekdays: [
          { day: 'mon', part: 'day' },
          { day: 'mon', part: 'day' },
        ],
      }),
    ).toEqual(['weekdays.1.day:telework.agreement.weekday_twice']);
  });
  it('wants each regime’s own fields and no other', () => {
    expect(codes({ regime: 'occasional', startDate: '2027-01-04', clauses })).toEqual([
      'monthlyDays:validation.required',
    ]);
    expect(codes({ ...structural, regime: 'occasional', monthlyDays: 4 })).toEqual([
      'daysPerWeek:telework.agreement.not_for_regime',
      'weekdays:telework.agreement.not_for_regime',
    ]);
    expect(codes({ ...structural, monthlyDays: 2 })).toEqual([
      'monthlyDays:telework.agreement.not_for_regime',
    ]);
  });
  it('refuses an end before the start, a start in the past and an overlap with another agreement', () => {
    expect(codes({ ...structural, endDate: '2027-01-03' })).toEqual([
      'endDate:telework.agreement.end_before_start',
    ]);
    expect(codes({ ...structural, startDate: '2026-12-01' })).toEqual([
      'startDate:telework.agreement.start_in_past',
    ]);
    const others = [{ id: 'A', startDate: '2026-12-10', endDate: null }];
    expect(codes(structural, { ...context, others })).toEqual(['startDate:telework.agreement.overlaps']);
    const ended = [{ id: 'A', startDate: '2026-12-10', endDate: '2027-01-03' }];
    expect(codes(structural, { ...context, others: ended })).toEqual([]);
  });
  it('requires the written agreement’s clauses, and a reachability span', () => {
    const bare = { place: 'Home', reachableFrom: '10:00', reachableTo: '09:00' };
    expect(codes({ ...structural, clauses: bare })).toEqual([
      'clauses.reachableTo:telework.agreement.reachable_span',
      'clauses.equipment:telework.agreement.clause_required',
      'clauses.costs:telework.agreement.clause_required',
      'clauses.followUp:telework.agreement.clause_required',
      'clauses.ending:telework.agreement.clause_required',
    ]);
    const occasional: AgreementRequest = {
      regime: 'occasional',
      monthlyDays: 4,
      startDate: '2027-01-04',
      clauses: { ...bare, reachableTo: '17:00' },
    };
    expect(codes(occasional)).toEqual([]);
  });
  it('says first when the function cannot be done from home', () => {
    expect(codes(structural, { ...context, ineligibleReason: 'telework.function_not_teleworkable' })).toEqual(
      ['regime:telework.function_not_teleworkable'],
    );
  });
});

it('periods overlap when they share a day, an open end running for ever', () => {
  expect(
    periodsOverlap(
      { startDate: '2020-01-01', endDate: '2020-01-31' },
      { startDate: '2020-01-31', endDate: null },
    ),
  ).toBe(true);
  expect(
    periodsOverlap(
      { startDate: '2020-01-01', endDate: '2020-01-30' },
      { startDate: '2020-01-31', endDate: null },
    ),
  ).toBe(false);
  expect(
    periodsOverlap({ startDate: '2020-02-01', endDate: null }, { startDate: '2020-01-01', endDate: null }),
  ).toBe(true);
});
