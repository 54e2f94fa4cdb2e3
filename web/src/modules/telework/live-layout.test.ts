import { describe, expect, it } from 'vitest';
import type { LiveUnit } from '../../../../src/modules/telework/contract.js';
import { chartSize, firstWorkingDay, isWeekend, measureShortcuts, unitBars } from './live-layout.js';

const unit = (overrides: Partial<LiveUnit>): LiveUnit => ({
  code: 'call-center',
  name: 'Call center',
  headcount: 10,
  full: 8,
  partial: 1,
  none: 1,
  home: 8,
  office: 2,
  away: 0,
  full_pct: 80,
  partial_pct: 10,
  none_pct: 10,
  home_pct: 80,
  ...overrides,
});

describe('live figures layout', () => {
  it('tells the weekend from the working days', () => {
    expect(isWeekend('2020-10-17')).toBe(true);
    expect(isWeekend('2020-10-18')).toBe(true);
    expect(isWeekend('2020-10-19')).toBe(false);
  });

  it('moves a weekend day to the Monday after, and leaves a working day alone', () => {
    expect(firstWorkingDay('2020-10-17')).toBe('2020-10-19');
    expect(firstWorkingDay('2020-10-18')).toBe('2020-10-19');
    expect(firstWorkingDay('2020-09-01')).toBe('2020-09-01');
  });

  it('offers the measures already started, oldest first, on their first working day, in the reader’s language', () => {
    const measures = [
      {
        id: 'b',
        title: { fr: 'Télétravail obligatoire', nl: 'Verplicht telewerk' },
        startDate: '2020-10-17',
      },
      { id: 'a', title: { fr: 'Trois jours', nl: 'Drie dagen' }, startDate: '2020-09-01' },
      { id: 'c', title: { fr: 'Plus tard', nl: 'Later' }, startDate: '2031-01-01' },
    ];
    expect(measureShortcuts(measures, 'nl', '2026-05-01')).toEqual([
      { id: 'a', title: 'Drie dagen', day: '2020-09-01' },
      { id: 'b', title: 'Verplicht telewerk', day: '2020-10-19' },
    ]);
    expect(measureShortcuts(measures, 'en', '2026-05-01')[1]!.title).toBe('Télétravail obligatoire');
  });

  it('draws each unit as shares of its staff, with the counts kept, and no bar for an empty unit', () => {
    const bars = unitBars([unit({}), unit({ code: 'gone', headcount: 0, full: 0, partial: 0, none: 0 })]);
    expect(bars).toEqual([
      {
        code: 'call-center',
        name: 'Call center',
        full: 80,
        partial: 10,
        none: 10,
        counts: { full: 8, partial: 1, none: 1, headcount: 10 },
      },
    ]);
  });

  it('grows the chart with the units and keeps the names readable but bounded', () => {
    const size = chartSize(unitBars([unit({}), unit({ code: 'x', name: 'A'.repeat(100) })]));
    expect(size.height).toBe(132);
    expect(size.labelWidth).toBe(260);
    expect(chartSize([]).labelWidth).toBe(80);
  });
});
