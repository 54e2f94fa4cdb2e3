import { describe, expect, it } from 'vitest';
import { answerLines, chartPoints } from './statistics-layout.js';

const row = (year: number, byDays: Record<string, number>) => ({
  year,
  headcount: 10,
  teleworkers: 3,
  teleworkers_pct: 30,
  structural: 3,
  structural_pct: 30,
  occasional: 0,
  occasional_pct: 0,
  structural_by_days_per_week: byDays,
});

describe('the statistics table laid out like an answer to parliament', () => {
  it('puts the years as columns and shows every number of days, zero included', () => {
    const lines = answerLines([row(2009, { '1': 3 }), row(2010, { '1.5': 1, '2': 2 })]);
    expect(lines.map((l) => l.key)).toEqual([
      'headcount',
      'teleworkers',
      'teleworkers_pct',
      'structural',
      'structural_pct',
      'structural_days_1',
      'structural_days_1.5',
      'structural_days_2',
      'structural_days_2.5',
      'structural_days_3',
      'occasional',
      'occasional_pct',
    ]);
    expect(lines.find((l) => l.key === 'structural_days_1.5')?.values).toEqual([0, 1]);
    expect(lines.find((l) => l.key === 'teleworkers_pct')?.isPercent).toBe(true);
  });

  it('charts the shares per year', () => {
    expect(chartPoints([row(2009, {})])).toEqual([
      { year: '2009', teleworkers: 30, structural: 30, occasional: 0 },
    ]);
  });
});
