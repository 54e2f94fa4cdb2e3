import { describe, expect, it } from 'vitest';
import { capsFor } from './agreement-rules.js';
import type { Place } from './contract.js';
import type { Measure } from './crisis-rules.js';
import {
  effectiveDays,
  type InForce,
  type PlannedDay,
  type PresenceContext,
  planWarnings,
  prefilledDay,
  teleworkDaysOf,
} from './presence-rules.js';
import { workingDaysBetween, workingDaysOf } from './presence-week.js';

// Week of Monday 7 December 2026.
const WEEK = workingDaysOf('2026-12-07');

const structural: InForce = {
  id: 'a1',
  regime: 'structural',
  daysPerWeek: 1.5,
  weekdays: [
    { day: 'tue', part: 'day' },
    { day: 'thu', part: 'am' },
  ],
  monthlyDays: null,
  startDate: '2026-01-01',
  endDate: null,
};
const occasional: InForce = {
  ...structural,
  id: 'a2',
  regime: 'occasional',
  daysPerWeek: null,
  weekdays: [],
  monthlyDays: 4,
};
const mandatory: Measure = {
  id: 'm1',
  kind: 'mandatory',
  startDate: '2026-12-09',
  endDate: '2026-12-31',
  orgUnits: [],
  exceptions: [],
  weeklyCapDays: null,
};

const context = (overrides: Partial<PresenceContext> = {}): PresenceContext => ({
  person: { id: 'p1', orgUnit: 'dgo', teleworkable: true },
  occupationPct: 100,
  caps: capsFor({ weeklyCapDays: 3, monthlyCapDays: null }, 100),
  agreements: [structural],
  measures: [],
  ...overrides,
});

/** A week planned in words: `T` telework, `O` office, `L` leave, `M` mission, per half day. */
function planned(halves: string): PlannedDay[] {
  const place: Record<string, Place> = { T: 'telework', O: 'office', L: 'leave', M: 'mission' };
  const pairs = halves.split(' ');
  return WEEK.map((date, i) => ({
    date,
    am: { place: place[pairs[i]![0]!]!, source: 'saved' },
    pm: { place: place[pairs[i]![1]!]!, source: 'saved' },
  }));
}
const codes = (warnings: { code: string; date: string | null }[]) => warnings.map((w) => [w.code, w.date]);

describe('the week pre-filled', () => {
  it("puts the agreement's telework days at home (a morning is the morning only) and the rest at the office", () => {
    const days = WEEK.map((d) => prefilledDay(d, context()));
    expect(days.map((d) => `${d.am.place[0]}${d.pm.place[0]}`)).toEqual(['oo', 'tt', 'oo', 'to', 'oo']);
    expect(days[1]!.am.source).toBe('agreement');
    expect(days[0]!.am.source).toBe('usual');
    expect(teleworkDaysOf(days)).toBe(1.5);
  });

  it('puts a teleworkable person at home on every day of a mandatory crisis measure, but not a cleaner', () => {
    const days = WEEK.map((d) => prefilledDay(d, context({ measures: [mandatory] })));
    expect(days.map((d) => d.am.source)).toEqual(['usual', 'agreement', 'crisis', 'crisis', 'crisis']);
    const cleaner = context({
      measures: [mandatory],
      agreements: [],
      person: { id: 'c', orgUnit: null, teleworkable: false },
    });
    expect(WEEK.map((d) => prefilledDay(d, cleaner).am.place)).toEqual(Array(5).fill('office'));
  });

  it('keeps what the person saved and pre-fills only the halves they did not', () => {
    const days = effectiveDays(WEEK, new Map([['2026-12-08', { am: 'leave' as const }]]), context());
    expect(days[1]).toEqual({
      date: '2026-12-08',
      am: { place: 'leave', source: 'saved' },
      pm: { place: 'telework', source: 'agreement' },
    });
  });
});

describe('the warnings of a planned week', () => {
  it('has none for the week the agreement describes', () => {
    const week = planned('OO TT OO TO OO');
    expect(planWarnings(week, week, context())).toEqual([]);
  });

  it('warns when a structural week has more telework days than the agreement, and says how many', () => {
    const week = planned('TT TT OO TO OO');
    expect(planWarnings(week, week, context())).toEqual([
      { code: 'telework.presence.above_agreement_days', date: null, params: { days: 2.5, allowed: 1.5 } },
    ]);
  });

  it('does not count leave or a mission as telework', () => {
    const week = planned('LL TT MM TO LL');
    expect(planWarnings(week, week, context())).toEqual([]);
  });

  it('warns on each day of telework with no agreement in force', () => {
    const week = planned('TO OO OO OO OT');
    expect(codes(planWarnings(week, week, context({ agreements: [] })))).toEqual([
      ['telework.presence.no_agreement', '2026-12-07'],
      ['telework.presence.no_agreement', '2026-12-11'],
    ]);
  });

  it('warns of office days during a mandatory measure, unless the person is excepted', () => {
    const week = planned('OO TT OO TT TT');
    expect(codes(planWarnings(week, week, context({ measures: [mandatory] })))).toEqual([
      ['telework.presence.office_during_crisis', '2026-12-09'],
    ]);
    const excepted = { ...mandatory, exceptions: ['p1'] };
    expect(planWarnings(week, week, context({ measures: [excepted] }))).toEqual([
      { code: 'telework.presence.above_agreement_days', date: null, params: { days: 3, allowed: 1.5 } },
    ]);
  });

  it('lifts the weekly count during a mandatory measure (five days) and allows telework without an agreement', () => {
    const week = planned('TT TT TT TT TT');
    const measure = { ...mandatory, startDate: '2026-12-01' };
    expect(planWarnings(week, week, context({ measures: [measure] }))).toEqual([]);
    expect(planWarnings(week, week, context({ measures: [measure], agreements: [] }))).toEqual([]);
  });

  it('counts occasional days over the whole month, other weeks included', () => {
    const others = effectiveDays(
      workingDaysBetween('2026-12-01', '2026-12-31'),
      new Map(),
      context({ agreements: [occasional] }),
    );
    const week = planned('TT OO TT OO OO');
    const month = others.map((d) => week.find((w) => w.date === d.date) ?? d);
    // Three days in earlier weeks of December, two this week: five, above the four agreed.
    for (const date of ['2026-12-01', '2026-12-02', '2026-12-03'])
      Object.assign(month.find((d) => d.date === date)!, {
        am: { place: 'telework', source: 'saved' },
        pm: { place: 'telework', source: 'saved' },
      });
    expect(planWarnings(week, month, context({ agreements: [occasional] }))).toEqual([
      {
        code: 'telework.presence.above_monthly_days',
        date: null,
        params: { days: 5, allowed: 4, month: '2026-12' },
      },
    ]);
    const withinMonth = month.map((d) =>
      d.date === '2026-12-01'
        ? {
            ...d,
            am: { place: 'office' as const, source: 'saved' as const },
            pm: { place: 'office' as const, source: 'saved' as const },
          }
        : d,
    );
    expect(planWarnings(week, withinMonth, context({ agreements: [occasional] }))).toEqual([]);
  });

  it('raises the allowed days during a relaxed measure, prorated to the occupation', () => {
    const relaxed: Measure = { ...mandatory, kind: 'relaxed', startDate: '2026-12-01', weeklyCapDays: 3 };
    const week = planned('TT TT OO TT OO');
    expect(planWarnings(week, week, context({ measures: [relaxed] }))).toEqual([]);
    const partTime = context({
      measures: [relaxed],
      occupationPct: 50,
      caps: capsFor({ weeklyCapDays: 3, monthlyCapDays: null }, 50),
    });
    expect(planWarnings(week, week, partTime)).toEqual([
      { code: 'telework.presence.above_agreement_days', date: null, params: { days: 3, allowed: 1.5 } },
    ]);
  });
});
