import { describe, expect, it } from 'vitest';
import { EARLIEST_DAY, isCalendarDayInRange, isInstantInRange, LATEST_DAY } from './calendar-range.js';

describe('isCalendarDayInRange', () => {
  it('accepts real days from 1900 to 2199, 29 February of leap years included', () => {
    for (const day of [EARLIEST_DAY, LATEST_DAY, '2020-03-18', '2020-02-29', '2000-02-29', '2024-12-31']) {
      expect(isCalendarDayInRange(day), day).toBe(true);
    }
  });

  it('refuses days that do not exist', () => {
    for (const day of [
      '2020-02-30',
      '2021-02-29',
      '1900-02-29',
      '2020-04-31',
      '2020-13-01',
      '2020-00-10',
      '2020-01-00',
    ]) {
      expect(isCalendarDayInRange(day), day).toBe(false);
    }
  });

  it('refuses years outside the range and other shapes', () => {
    for (const day of [
      '0000-01-01',
      '1899-12-31',
      '2200-01-01',
      '9999-12-31',
      '10000-01-01',
      '-0001-01-01',
      '+002020-01-01',
      '2020-1-1',
      '20200101',
      '2020-01-01T00:00:00Z',
      ' 2020-01-01',
      '',
    ]) {
      expect(isCalendarDayInRange(day), day).toBe(false);
    }
  });
});

describe('isInstantInRange', () => {
  it('accepts RFC 3339 instants in range, with Z or an offset', () => {
    for (const at of [
      '2020-03-18T09:30:00Z',
      '2020-03-18T10:30:00+01:00',
      '2020-03-18T10:30:00.123456Z',
      '2020-03-18t09:30:00z',
      '2020-03-18 09:30:00Z',
      '2020-03-18T10:30:00+0100',
      '1900-01-01T00:00:00Z',
      '2199-12-31T23:59:59Z',
    ]) {
      expect(isInstantInRange(at), at).toBe(true);
    }
  });

  it('refuses instants out of range, impossible times and what Date cannot read', () => {
    for (const at of [
      '0000-01-01T00:00:00Z',
      '10000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '2200-01-01T00:00:00Z',
      '2020-01-01T25:00:00Z',
      '2020-13-01T00:00:00Z',
      '2020-02-30T00:00:00Z',
      '2016-12-31T23:59:60Z',
      '2020-01-01T00:00:00+01',
      '2020-01-01T00:00:00',
      '2020-01-01T00:00Z',
      '2020-01-01',
    ]) {
      expect(isInstantInRange(at), at).toBe(false);
    }
  });
});
