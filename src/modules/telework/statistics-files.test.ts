import { describe, expect, it } from 'vitest';
import { parseAgreements, parseEmployees } from './statistics-files.js';

const EMPLOYEES = 'employee_id,org_unit,hired_on,left_on,occupation_pct,teleworkable\n';
const AGREEMENTS = 'employee_id,regime,days_per_week,start_date,end_date\n';
const known = new Set(['E1', 'E2']);

describe('reading the employees file', () => {
  it('reads every row of a good file', () => {
    const parsed = parseEmployees(
      'employees.csv',
      `${EMPLOYEES}E1,ICT,2006-06-22,,100,yes\nE2,ICT,2001-01-01,2010-11-06,80,no\n`,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[1]).toEqual({
      employeeId: 'E2',
      orgUnit: 'ICT',
      hiredOn: '2001-01-01',
      leftOn: '2010-11-06',
      occupationPct: 80,
      isTeleworkable: false,
    });
  });

  it('names the missing column on line 1', () => {
    const parsed = parseEmployees(
      'employees.csv',
      'employee_id,org_unit,hired_on,left_on,occupation_pct\nE1,ICT,2006-06-22,,100\n',
    );
    expect(parsed.errors).toEqual([
      expect.objectContaining({
        field: 'employees.csv.line.1.teleworkable',
        code: 'telework.statistics.missing_column',
      }),
    ]);
  });

  it('names the file, line and column of a bad date, and of a departure before the hiring', () => {
    const parsed = parseEmployees(
      'employees.csv',
      `${EMPLOYEES}E1,ICT,2006-02-30,,100,yes\nE2,ICT,2006-01-01,2005-01-01,100,yes\n`,
    );
    expect(parsed.errors.map((e) => [e.field, e.code])).toEqual([
      ['employees.csv.line.2.hired_on', 'telework.statistics.bad_date'],
      ['employees.csv.line.3.left_on', 'telework.statistics.end_before_start'],
    ]);
    expect(parsed.badLines).toBe(2);
  });
});

describe('reading the agreements file', () => {
  const read = (rows: string) => parseAgreements('agreements.csv', `${AGREEMENTS}${rows}`, known);
  const problems = (rows: string) => read(rows).errors.map((e) => [e.field, e.code]);

  it('reads structural agreements in half days and occasional ones without days', () => {
    const parsed = read('E1,structural,1.5,2012-01-01,2012-12-31\nE2,occasional,,2012-01-01,\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((a) => a.daysPerWeek)).toEqual([1.5, null]);
  });

  it('refuses an employee absent from the employees file', () => {
    expect(problems('E9,structural,1,2012-01-01,\n')).toEqual([
      ['agreements.csv.line.2.employee_id', 'telework.statistics.unknown_employee'],
    ]);
  });

  it('refuses structural days outside 1, 1.5, 2, 2.5, 3 and days given for occasional telework', () => {
    expect(problems('E1,structural,3.5,2012-01-01,\nE2,occasional,1,2012-01-01,\n')).toEqual([
      ['agreements.csv.line.2.days_per_week', 'telework.statistics.bad_days'],
      ['agreements.csv.line.3.days_per_week', 'telework.statistics.days_for_occasional'],
    ]);
  });

  it('refuses an end before the start and a bad date', () => {
    expect(problems('E1,structural,1,2012-01-01,2011-12-31\nE2,structural,1,2012-13-01,\n')).toEqual([
      ['agreements.csv.line.2.end_date', 'telework.statistics.end_before_start'],
      ['agreements.csv.line.3.start_date', 'telework.statistics.bad_date'],
    ]);
  });

  it('accepts an agreement replacing another before its end, but not two starting the same day', () => {
    expect(problems('E1,structural,1,2012-01-01,2012-06-30\nE1,structural,2,2012-03-01,\n')).toEqual([]);
    expect(problems('E1,structural,1,2012-01-01,2012-06-30\nE1,structural,2,2012-01-01,\n')).toEqual([
      ['agreements.csv.line.3.start_date', 'telework.statistics.same_start'],
    ]);
  });
});
