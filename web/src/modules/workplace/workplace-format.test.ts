import { describe, expect, it } from 'vitest';
import { formatDay, formatTimeOfDay, isPastClockTime, nameIn, shortDeskId } from './workplace-format.js';

describe('workplace format', () => {
  it('says a day in the reader language, whatever the device time zone', () => {
    expect(formatDay('2026-12-08', 'en')).toBe('Tuesday, 8 December 2026');
    expect(formatDay('2026-12-08', 'fr')).toBe('mardi 8 décembre 2026');
    expect(formatDay('not a day', 'nl')).toBe('not a day');
  });

  it('picks the name in the reader language and shortens desk ids on their own floor', () => {
    expect(nameIn({ fr: '3e étage', nl: '3de verdieping', en: 'Floor 3' }, 'nl')).toBe('3de verdieping');
    expect(shortDeskId('botanique-03-A-007', 'botanique-03')).toBe('A-007');
    expect(shortDeskId('elsewhere-1', 'botanique-03')).toBe('elsewhere-1');
  });

  it('gives the Brussels time of a check-in, winter and summer, in 24 hours', () => {
    expect(formatTimeOfDay('2026-12-08T07:42:10.000Z', 'en')).toBe('08:42');
    expect(formatTimeOfDay('2026-06-08T12:05:00.000Z', 'fr')).toBe('14:05');
    expect(formatTimeOfDay('2026-06-08T12:05:00.000Z', 'nl')).toBe('14:05');
  });

  it('tells whether a Brussels deadline has gone by, whatever the device time zone', () => {
    // 09:59 and 10:00 in Brussels, winter (UTC+1) and summer (UTC+2).
    expect(isPastClockTime('10:00', new Date('2026-12-08T08:59:00Z'))).toBe(false);
    expect(isPastClockTime('10:00', new Date('2026-12-08T09:00:00Z'))).toBe(true);
    expect(isPastClockTime('10:00', new Date('2026-06-08T07:59:00Z'))).toBe(false);
    expect(isPastClockTime('14:00', new Date('2026-06-08T12:00:00Z'))).toBe(true);
  });
});
