import { describe, expect, it } from 'vitest';
import { formatDay, formatPeriod, textsFor } from './texts.js';

describe('the public pages’ words', () => {
  it('write days as people do, in each language', () => {
    expect(formatDay('fr', '2020-03-18')).toBe('18 mars 2020');
    expect(formatDay('fr', '2020-10-01')).toBe('1er octobre 2020');
    expect(formatDay('nl', '2020-10-01')).toBe('1 oktober 2020');
  });

  it('write periods, open-ended or not', () => {
    expect(formatPeriod('fr', '2020-03-01', '2020-09-30')).toBe('du 1er mars 2020 au 30 septembre 2020');
    expect(formatPeriod('nl', '2020-10-01', null)).toBe('vanaf 1 oktober 2020');
  });

  it('count in the plural forms of each language', () => {
    expect(textsFor('fr')('search.count', { count: 1 })).toBe('1 réponse trouvée.');
    expect(textsFor('nl')('search.count', { count: 3 })).toBe('3 antwoorden gevonden.');
  });
});
