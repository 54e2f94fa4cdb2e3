import { describe, expect, it } from 'vitest';
import { belgianHolidays, easterSunday } from './belgian-holidays.js';

/** ISO weekday, 1 Monday to 7 Sunday. */
const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7;

describe('easterSunday', () => {
  it.each([
    [2020, '2020-04-12'],
    [2021, '2021-04-04'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
  ])('gives Easter %i on %s', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it('reaches the extremes of its range: 22 March (1818, 2285) and 25 April (1943, 2038)', () => {
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('always falls on a Sunday from 22 March to 25 April', () => {
    for (let year = 1900; year <= 2200; year++) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter), easter).toBe(7);
      expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25', easter).toBe(true);
    }
  });

  it('refuses years before the Gregorian calendar and non-integers', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2020.5)).toThrow(RangeError);
  });
});

describe('belgianHolidays', () => {
  it('lists the ten legal holidays of 2020 and the three federal public service days, in date order', () => {
    expect(belgianHolidays(2020).map((h) => [h.date, h.key, h.scope])).toEqual([
      ['2020-01-01', 'new_year', 'legal'],
      ['2020-04-13', 'easter_monday', 'legal'],
      ['2020-05-01', 'labour_day', 'legal'],
      ['2020-05-21', 'ascension', 'legal'],
      ['2020-06-01', 'whit_monday', 'legal'],
      ['2020-07-21', 'national_day', 'legal'],
      ['2020-08-15', 'assumption', 'legal'],
      ['2020-11-01', 'all_saints', 'legal'],
      ['2020-11-02', 'all_souls', 'federal_public_service'],
      ['2020-11-11', 'armistice', 'legal'],
      ['2020-11-15', 'kings_feast', 'federal_public_service'],
      ['2020-12-25', 'christmas', 'legal'],
      ['2020-12-26', 'boxing_day', 'federal_public_service'],
    ]);
  });

  it('leaves the federal public service days out on request', () => {
    const legal = belgianHolidays(2020, { federalPublicServiceDays: false });
    expect(legal).toHaveLength(10);
    expect(legal.every((h) => h.scope === 'legal')).toBe(true);
    expect(legal.map((h) => h.date)).not.toContain('2020-11-15');
  });

  it('moves the Easter-based holidays with Easter (2024: Easter on 31 March)', () => {
    const dates = Object.fromEntries(belgianHolidays(2024).map((h) => [h.key, h.date]));
    expect(dates).toMatchObject({
      easter_monday: '2024-04-01',
      ascension: '2024-05-09',
      whit_monday: '2024-05-20',
    });
  });

  it('keeps Ascension on a Thursday and the other Easter holidays on Mondays', () => {
    for (let year = 2000; year <= 2050; year++) {
      const dates = Object.fromEntries(belgianHolidays(year).map((h) => [h.key, h.date]));
      expect(isoWeekday(dates.easter_monday!)).toBe(1);
      expect(isoWeekday(dates.ascension!)).toBe(4);
      expect(isoWeekday(dates.whit_monday!)).toBe(1);
    }
  });

  it('names every day in French, Dutch and English', () => {
    const kingsFeast = belgianHolidays(2020).find((h) => h.key === 'kings_feast')!;
    expect(kingsFeast.names).toEqual({ fr: 'Fête du Roi', nl: 'Koningsdag', en: 'King’s Feast' });
    const whitMonday = belgianHolidays(2020).find((h) => h.key === 'whit_monday')!;
    expect(whitMonday.names).toEqual({ fr: 'Lundi de Pentecôte', nl: 'Pinkstermaandag', en: 'Whit Monday' });
    for (const holiday of belgianHolidays(2020)) {
      expect(holiday.names.fr && holiday.names.nl && holiday.names.en, holiday.key).toBeTruthy();
    }
  });
});
