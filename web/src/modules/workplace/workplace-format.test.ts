import { describe, expect, it } from 'vitest';
import { formatDay, nameIn, shortDeskId } from './workplace-format.js';

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
});
