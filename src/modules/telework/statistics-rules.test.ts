import { describe, expect, it } from 'vitest';
import {
  isRealMonthDay,
  roundedPercent,
  type StatAgreement,
  type StatEmployee,
  snapshotDate,
  yearlyStatistics,
} from './statistics-rules.js';

const employee = (employeeId: string, hiredOn: string, leftOn: string | null = null): StatEmployee => ({
  employeeId,
  hiredOn,
  leftOn,
});
const structural = (
  employeeId: string,
  days: number,
  startDate: string,
  endDate: string | null = null,
): StatAgreement => ({
  employeeId,
  regime: 'structural',
  daysPerWeek: days,
  startDate,
  endDate,
});

describe('the yearly telework report, counted in memory', () => {
  it('counts a person who leaves on 31 December: left_on is their last working day', () => {
    const [row] = yearlyStatistics(
      [employee('a', '2000-01-01', '2010-12-31'), employee('b', '2000-01-01', '2010-12-30')],
      [],
      {
        from: 2010,
        to: 2010,
      },
    );
    expect(row!.headcount).toBe(1);
  });

  it('counts a person hired on the snapshot day, not one hired the day after', () => {
    const [row] = yearlyStatistics([employee('a', '2010-12-31'), employee('b', '2011-01-01')], [], {
      from: 2010,
      to: 2010,
    });
    expect(row!.headcount).toBe(1);
  });

  it('counts an agreement ending on 31 December as active, one ending the day before as over', () => {
    const people = [employee('a', '2000-01-01'), employee('b', '2000-01-01'), employee('c', '2000-01-01')];
    const agreements = [
      structural('a', 1, '2010-01-01', '2010-12-31'),
      structural('b', 2, '2010-01-01', '2010-12-30'),
      structural('c', 3, '2011-01-01'),
    ];
    const [row] = yearlyStatistics(people, agreements, { from: 2010, to: 2010 });
    expect(row).toMatchObject({ teleworkers: 1, structural: 1, structural_by_days_per_week: { '1': 1 } });
  });

  it('leaves out the agreement of someone no longer employed', () => {
    const [row] = yearlyStatistics(
      [employee('a', '2000-01-01', '2010-06-30')],
      [structural('a', 2, '2009-01-01')],
      {
        from: 2010,
        to: 2010,
      },
    );
    expect(row).toMatchObject({ headcount: 0, teleworkers: 0, teleworkers_pct: 0 });
  });

  it('splits structural teleworkers by days a week, half days included, and counts occasional apart', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => employee(id, '2000-01-01'));
    const agreements: StatAgreement[] = [
      structural('a', 1.5, '2010-01-01'),
      structural('b', 1.5, '2010-01-01'),
      structural('c', 3, '2010-01-01'),
      { employeeId: 'd', regime: 'occasional', daysPerWeek: null, startDate: '2010-01-01', endDate: null },
    ];
    const [row] = yearlyStatistics(people, agreements, { from: 2010, to: 2010 });
    expect(row).toEqual({
      year: 2010,
      headcount: 4,
      teleworkers: 4,
      teleworkers_pct: 100,
      structural: 3,
      structural_pct: 75,
      occasional: 1,
      occasional_pct: 25,
      structural_by_days_per_week: { '1.5': 2, '3': 1 },
    });
  });

  it('counts a person once when a new agreement replaces the old before its end: the later one', () => {
    const agreements = [structural('a', 1, '2009-12-10', '2010-12-31'), structural('a', 2, '2010-07-03')];
    const [row] = yearlyStatistics([employee('a', '2000-01-01')], agreements, { from: 2010, to: 2010 });
    expect(row).toMatchObject({ teleworkers: 1, structural: 1, structural_by_days_per_week: { '2': 1 } });
  });

  it('leaves out an agreement whose person is not in the employees', () => {
    const [row] = yearlyStatistics([employee('a', '2000-01-01')], [structural('z', 2, '2009-01-01')], {
      from: 2010,
      to: 2010,
    });
    expect(row).toMatchObject({ headcount: 1, teleworkers: 0 });
  });

  it('counts each year of a range as it counts that year alone (the years share one pass over the rows)', () => {
    const people = [
      employee('a', '2005-03-01', '2012-06-30'),
      employee('b', '2009-12-31'),
      employee('c', '2011-01-01', '2011-12-31'),
    ];
    const agreements = [
      structural('a', 1, '2008-01-01', '2010-12-31'),
      structural('a', 2.5, '2010-07-01'),
      structural('b', 3, '2010-01-01', '2013-12-31'),
      { employeeId: 'b', regime: 'occasional', daysPerWeek: null, startDate: '2012-02-01', endDate: null },
      structural('c', 1.5, '2011-01-01'),
    ] satisfies StatAgreement[];
    for (const at of ['12-31', '01-01', '06-30']) {
      const range = yearlyStatistics(people, agreements, { from: 2007, to: 2014, at });
      const alone = range.map(
        ({ year }) => yearlyStatistics(people, agreements, { from: year, to: year, at })[0],
      );
      expect(range).toEqual(alone);
    }
    const rows = yearlyStatistics(people, agreements, { from: 2010, to: 2012 });
    expect(rows.map((row) => [row.headcount, row.structural_by_days_per_week, row.occasional])).toEqual([
      [2, { '2.5': 1, '3': 1 }, 0],
      [3, { '1.5': 1, '2.5': 1, '3': 1 }, 0], // c leaves on 31 December: still counted
      [1, {}, 1], // b's occasional agreement started after the structural one: it counts
    ]);
  });

  it('takes the snapshot on another day of the year when asked (at = MM-DD)', () => {
    const rows = yearlyStatistics([employee('a', '2010-03-01', '2010-06-30')], [], {
      from: 2010,
      to: 2010,
      at: '03-18',
    });
    expect(rows[0]!.headcount).toBe(1);
  });
});

describe('percentages', () => {
  it('round half up to two decimals, exactly (no binary floating-point surprise)', () => {
    expect(roundedPercent(378, 1231)).toBe(30.71);
    expect(roundedPercent(1, 8)).toBe(12.5);
    expect(roundedPercent(1, 800)).toBe(0.13); // 0.125 → 0.13
    expect(roundedPercent(1, 1600)).toBe(0.06); // 0.0625 → 0.06
    expect(roundedPercent(2, 3)).toBe(66.67);
    expect(roundedPercent(0, 0)).toBe(0);
  });
});

describe('snapshot days', () => {
  it('takes 29 February as the 28th in a common year', () => {
    expect(snapshotDate(2011, '02-29')).toBe('2011-02-28');
    expect(snapshotDate(2012, '02-29')).toBe('2012-02-29');
  });
  it('knows which MM-DD are days of a year', () => {
    expect(isRealMonthDay('12-31')).toBe(true);
    expect(isRealMonthDay('02-29')).toBe(true);
    expect(isRealMonthDay('04-31')).toBe(false);
    expect(isRealMonthDay('13-01')).toBe(false);
  });
});
