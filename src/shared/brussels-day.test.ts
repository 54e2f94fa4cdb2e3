import { describe, expect, it } from 'vitest';
import { brusselsToday } from './brussels-day.js';

describe('brusselsToday', () => {
  it('gives the Brussels calendar day, not the UTC one, in winter and in summer time', () => {
    expect(brusselsToday(new Date('2020-03-17T23:30:00.000Z'))).toBe('2020-03-18');
    expect(brusselsToday(new Date('2020-03-18T22:59:59.000Z'))).toBe('2020-03-18');
    expect(brusselsToday(new Date('2020-03-18T23:00:00.000Z'))).toBe('2020-03-19');
    expect(brusselsToday(new Date('2020-07-01T21:59:00.000Z'))).toBe('2020-07-01');
    expect(brusselsToday(new Date('2020-07-01T22:00:00.000Z'))).toBe('2020-07-02');
  });

  it('turns the year at midnight in Brussels, an hour before UTC does in winter', () => {
    expect(brusselsToday(new Date('2020-12-31T22:59:59.000Z'))).toBe('2020-12-31');
    expect(brusselsToday(new Date('2020-12-31T23:00:00.000Z'))).toBe('2021-01-01');
  });

  it('writes the day as YYYY-MM-DD, with leading zeros', () => {
    expect(brusselsToday(new Date('2021-02-03T10:00:00.000Z'))).toBe('2021-02-03');
  });

  it('is today when given no moment', () => {
    expect(brusselsToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const before = brusselsToday(new Date(Date.now() - 1000));
    const after = brusselsToday(new Date(Date.now() + 1000));
    expect([before, after]).toContain(brusselsToday());
  });
});
