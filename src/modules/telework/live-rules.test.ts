import { describe, expect, it } from 'vitest';
import type { Measure } from './crisis-rules.js';
import { type LivePerson, standingOf, tallyLive, weekdayOf, whereabouts } from './live-rules.js';

const mandatory: Measure = {
  id: 'M',
  kind: 'mandatory',
  startDate: '2020-03-16',
  endDate: '2020-05-31',
  orgUnits: [],
  exceptions: ['mail'],
  weeklyCapDays: null,
};
const person = (id: string, over: Partial<LivePerson> = {}): LivePerson => ({
  id,
  orgUnit: 'DSI',
  teleworkable: true,
  agreement: null,
  planned: [],
  ...over,
});
const tuesdayThursday = {
  regime: 'structural' as const,
  daysPerWeek: 2,
  weekdays: [
    { day: 'tue' as const, part: 'day' as const },
    { day: 'thu' as const, part: 'day' as const },
  ],
};

describe('live figures', () => {
  it('puts everyone who can in full telework during a mandatory measure, but its exceptions', () => {
    expect(standingOf(person('a'), [mandatory], '2020-03-18')).toBe('full');
    expect(standingOf(person('mail', { agreement: tuesdayThursday }), [mandatory], '2020-03-18')).toBe(
      'partial',
    );
    expect(standingOf(person('cleaner', { teleworkable: false }), [mandatory], '2020-03-18')).toBe('none');
    expect(standingOf(person('a'), [mandatory], '2020-06-02')).toBe('none');
  });
  it('says where a person is: the plan first, then the measure, then the agreement’s weekdays', () => {
    const ann = person('ann', { agreement: tuesdayThursday });
    expect(weekdayOf('2026-12-08')).toBe('tue');
    expect(whereabouts(ann, [], '2026-12-08')).toBe('home');
    expect(whereabouts(ann, [], '2026-12-09')).toBe('office');
    expect(whereabouts({ ...ann, planned: ['office', 'office'] }, [], '2026-12-08')).toBe('office');
    expect(whereabouts({ ...ann, planned: ['leave', 'leave'] }, [], '2026-12-08')).toBe('away');
    expect(whereabouts(ann, [], '2026-12-12')).toBe('off');
    expect(whereabouts(person('b'), [mandatory], '2020-03-18')).toBe('home');
  });
  it('counts the split management asked for in March 2020, in percentages rounded half up', () => {
    // 18 March 2020: 35 people, 30 at home (measure), 3 partly (excepted, with an agreement), 2 cannot.
    const people = [
      ...Array.from({ length: 30 }, (_, i) => person(`p${i}`)),
      ...Array.from({ length: 3 }, (_, i) => person(`x${i}`, { agreement: tuesdayThursday })),
      person('c1', { teleworkable: false }),
      person('c2', { teleworkable: false }),
    ];
    const measure = { ...mandatory, exceptions: ['x0', 'x1', 'x2'] };
    expect(tallyLive(people, [measure], '2020-03-18')).toMatchObject({
      headcount: 35,
      full: 30,
      partial: 3,
      none: 2,
      full_pct: 85.71,
      partial_pct: 8.57,
      none_pct: 5.71,
      home: 30,
      office: 5,
    });
  });
});
