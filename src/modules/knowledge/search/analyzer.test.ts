import { describe, expect, it } from 'vitest';
import { partsOf, spellingVariants, termOf, termsOf } from './analyzer.js';
import { tokenize } from './normalize.js';

describe('tokenize', () => {
  it("drops French elided particles but keeps the word: l'activité, d'indépendant, jusqu'à", () => {
    expect(tokenize("l'activité d’indépendant jusqu'à qu'il").map((t) => t.word)).toEqual([
      'activité',
      'indépendant',
      'à',
      'il',
    ]);
  });
  it('keeps B&B as one word and gives the offsets of the original text', () => {
    expect(tokenize('Un B&B, fermé')).toEqual([
      { word: 'un', start: 0, end: 2 },
      { word: 'b&b', start: 3, end: 6 },
      { word: 'fermé', start: 8, end: 13 },
    ]);
  });
});

describe('termsOf', () => {
  it('stems, folds accents and drops function words, in French', () => {
    expect(termsOf('Les cotisations réduites', 'fr')).toEqual(termsOf('cotisation reduite', 'fr'));
    expect(termsOf('Je suis indépendant', 'fr')).toEqual([termOf('independant', 'fr')]);
  });
  it('stems and drops function words, in Dutch', () => {
    expect(termsOf('de sociale bijdragen', 'nl')).toEqual(termsOf('sociale bijdrage', 'nl'));
  });
  it('keeps numbers as typed', () => {
    expect(termsOf('40 % en 2021', 'fr')).toEqual(['40', '2021']);
  });
});

describe('partsOf', () => {
  it('splits a Dutch compound on a known last part, each part as it would be typed alone', () => {
    expect(partsOf('verzekeringsfonds', 'nl')).toEqual([termOf('verzekering', 'nl'), termOf('fonds', 'nl')]);
    expect(partsOf('omzetdaling', 'nl')).toEqual([termOf('omzet', 'nl'), termOf('daling', 'nl')]);
  });
  it('leaves alone words without a known last part, and French words', () => {
    expect(partsOf('overbruggingsrecht', 'nl')).toEqual([]);
    expect(partsOf('vennootschapsbijdrage', 'fr')).toEqual([]);
  });
});

describe('spellingVariants', () => {
  it('reads a French past participle typed without accents as the accented one', () => {
    expect(spellingVariants('reportees', 'fr')).toContain(termOf('reportées', 'fr'));
    expect(spellingVariants('fermee', 'fr')).toContain(termOf('fermée', 'fr'));
  });
  it('brings Dutch verb forms together: betaalt and betalen, verdien and verdiend', () => {
    expect(spellingVariants('betaalt', 'nl')).toContain(termOf('betalen', 'nl'));
    expect(spellingVariants('verdien', 'nl')).toContain(termOf('verdiend', 'nl'));
  });
});
