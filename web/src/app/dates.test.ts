import { describe, expect, it } from 'vitest';
import { dayIn, durationParts, periodIn } from './dates.js';

describe('web: days in the reader’s language', () => {
  it('writes a calendar day as each language does, never shifted by a time zone', () => {
    expect(dayIn('en', '2020-03-01')).toBe('1 March 2020');
    expect(dayIn('fr', '2020-03-01')).toBe('1 mars 2020');
    expect(dayIn('nl', '2020-03-01')).toBe('1 maart 2020');
    expect(dayIn('fr', '2020-03-18', 'short')).toBe('18 mars');
    expect(dayIn('en', 'not a day')).toBe('not a day');
  });

  it('writes a period as a range of the language, one day as that day', () => {
    // ICU versions space the dash differently (Node, Chromium): the words and numbers are the rule.
    const spaced = (text: string) => text.replace(/\s*[–-]\s*/g, ' – ').replace(/\s+/g, ' ');
    expect(spaced(periodIn('en', '2020-03-01', '2020-03-31'))).toBe('1 – 31 March 2020');
    expect(spaced(periodIn('fr', '2020-03-01', '2020-03-31'))).toBe('1 – 31 mars 2020');
    expect(spaced(periodIn('nl', '2020-02-15', '2020-03-14'))).toBe('15 februari – 14 maart 2020');
    expect(spaced(periodIn('fr', '2020-12-15', '2021-01-14'))).toBe('15 décembre 2020 – 14 janvier 2021');
    expect(periodIn('en', '2020-03-18', '2020-03-18')).toBe('18 March 2020');
  });
});

describe('web: durations', () => {
  it('keeps the two largest units', () => {
    expect(durationParts(45)).toEqual([{ unit: 'minutes', n: 45 }]);
    expect(durationParts(135)).toEqual([
      { unit: 'hours', n: 2 },
      { unit: 'minutes', n: 15 },
    ]);
    expect(durationParts(120)).toEqual([{ unit: 'hours', n: 2 }]);
    expect(durationParts(3 * 1440 + 4 * 60 + 59)).toEqual([
      { unit: 'days', n: 3 },
      { unit: 'hours', n: 4 },
    ]);
    expect(durationParts(0)).toEqual([{ unit: 'minutes', n: 0 }]);
  });
});
