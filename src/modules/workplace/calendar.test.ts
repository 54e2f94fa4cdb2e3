import { describe, expect, it } from 'vitest';
import { addDays, brusselsMinuteOfDay, isoWeekName, isoWeekOf, siteCalendar } from './calendar.js';

describe('isoWeekOf', () => {
  it.each([
    ['2026-12-07', 2026, 50],
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2024-12-30', 2025, 1],
    ['2020-03-18', 2020, 12],
  ])('puts %s in week %i-W%i', (day, year, week) => {
    expect(isoWeekOf(day)).toMatchObject({ year, week });
  });
  it('names the week and its Monday to Sunday', () => {
    expect(isoWeekName('2026-12-10')).toBe('2026-W50');
    expect(isoWeekOf('2026-12-10')).toMatchObject({ monday: '2026-12-07', sunday: '2026-12-13' });
  });
});

describe('siteCalendar', () => {
  it('opens on weekdays, closes on weekends, Belgian public holidays and the closing days given', () => {
    const calendar = siteCalendar(['2020-05-22']);
    expect(calendar.closedReasonOn('2020-05-20')).toBeNull();
    expect(calendar.closedReasonOn('2020-05-21')).toBe('public_holiday'); // Ascension
    expect(calendar.closedReasonOn('2020-05-22')).toBe('closing_day'); // the bridge day after it
    expect(calendar.closedReasonOn('2020-05-23')).toBe('weekend');
    expect(calendar.closedReasonOn('2020-11-02')).toBe('public_holiday'); // federal staff off
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('brusselsMinuteOfDay', () => {
  it('reads the Brussels clock, summer and winter time', () => {
    expect(brusselsMinuteOfDay(new Date('2026-12-08T09:00:00Z'))).toBe(10 * 60);
    expect(brusselsMinuteOfDay(new Date('2026-07-08T08:30:00Z'))).toBe(10 * 60 + 30);
  });
});
