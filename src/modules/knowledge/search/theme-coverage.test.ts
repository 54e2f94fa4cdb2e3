import { describe, expect, it } from 'vitest';
import { themeFactor, themeTermsOfEntry } from './theme-coverage.js';
import type { SearchableEntry } from './types.js';

const entry: SearchableEntry = {
  ref: 'FAQ-0001',
  theme: 'droit-passerelle',
  themeName: { fr: 'Droit passerelle', nl: 'Overbruggingsrecht' },
  tags: [],
  audience: 'public',
  validFrom: '2020-03-01',
  validTo: null,
  fr: { question: 'Ai-je droit au droit passerelle ?', answer: '' },
  nl: { question: 'Heb ik recht op het overbruggingsrecht?', answer: '' },
};

describe('themeTermsOfEntry', () => {
  it('reads the theme name in both languages as the index reads words, function words dropped', () => {
    expect(themeTermsOfEntry(entry)).toEqual({ fr: ['droit', 'passerel'], nl: ['overbruggingsrecht'] });
    const cumul = { ...entry, themeName: { fr: 'Cumul de revenus et prestations', nl: 'Cumulatie' } };
    expect(themeTermsOfEntry(cumul).fr).toEqual(['cumul', 'revenus', 'prestat']);
  });

  it('has no terms when the index was not told the theme name', () => {
    const { themeName: _, ...unnamed } = entry;
    expect(themeTermsOfEntry(unnamed)).toEqual({ fr: [], nl: [] });
  });
});

describe('themeFactor', () => {
  it('multiplies by 1 + weight when the query is the theme name, and barely when it adds a case', () => {
    expect(themeFactor(1, 1.5)).toBe(2.5);
    expect(themeFactor(0.5, 1.5)).toBeCloseTo(1.1875);
    expect(themeFactor(0, 1.5)).toBe(1);
  });
});
