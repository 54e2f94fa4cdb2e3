import { describe, expect, it } from 'vitest';
import { capsDuring, covers, type Measure, teleworkMandatory } from './crisis-rules.js';

const october2020: Measure = {
  id: 'M1',
  kind: 'mandatory',
  startDate: '2020-10-19',
  endDate: null,
  orgUnits: [],
  exceptions: ['mailroom-1'],
  weeklyCapDays: null,
};
const september2020: Measure = {
  id: 'M2',
  kind: 'relaxed',
  startDate: '2020-09-01',
  endDate: '2020-10-18',
  orgUnits: ['DSI'],
  exceptions: [],
  weeklyCapDays: 3,
};
const clerk = { id: 'clerk', orgUnit: 'DSI', teleworkable: true };
const cleaner = { id: 'cleaner', orgUnit: 'LOG', teleworkable: false };
const caps = { weeklyCapDays: 2, monthlyCapDays: 8 };

describe('crisis measures', () => {
  it('cover their period, units and everyone but the exceptions', () => {
    expect(covers(october2020, clerk, '2020-10-18')).toBe(false);
    expect(covers(october2020, clerk, '2020-10-19')).toBe(true);
    expect(covers(october2020, { ...clerk, id: 'mailroom-1' }, '2020-11-02')).toBe(false);
    expect(covers(september2020, clerk, '2020-09-15')).toBe(true);
    expect(covers(september2020, cleaner, '2020-09-15')).toBe(false);
    expect(covers(september2020, clerk, '2020-10-19')).toBe(false);
  });
  it('make telework the rule only for functions that can be done from home', () => {
    expect(teleworkMandatory([october2020], clerk, '2020-11-02')).toBe(true);
    expect(teleworkMandatory([october2020], cleaner, '2020-11-02')).toBe(false);
  });
  it('raise the caps for the period, prorated, never lowering them', () => {
    expect(capsDuring(caps, [september2020], clerk, '2020-09-15', 100)).toEqual({
      weeklyCapDays: 3,
      monthlyCapDays: 12,
    });
    expect(capsDuring(caps, [september2020], clerk, '2020-09-15', 50)).toEqual(caps); // 1.5 < 2
    expect(capsDuring(caps, [october2020], clerk, '2020-11-02', 100).weeklyCapDays).toBe(5);
    expect(capsDuring(caps, [october2020], cleaner, '2020-11-02', 100)).toEqual(caps);
  });
});
