import { describe, expect, it } from 'vitest';
import {
  generalityFactor,
  questionCoverage,
  questionTermsOf,
  questionTermsOfEntry,
} from './question-coverage.js';
import type { SearchableEntry } from './types.js';

const reached = (...terms: string[]) => {
  const set = new Set(terms);
  return (term: string) => set.has(term);
};
const even = () => 1;

describe('questionTermsOf', () => {
  it('keeps the content words of a question as index terms, each once', () => {
    expect(questionTermsOf("Qu'est-ce que le droit passerelle ?", 'fr')).toEqual(['droit', 'passerel']);
    expect(questionTermsOf('Ai-je droit au droit passerelle ?', 'fr')).toEqual(['droit', 'passerel']);
    expect(questionTermsOf('Wat is het overbruggingsrecht?', 'nl')).toEqual(['overbruggingsrecht']);
  });

  it('counts a Dutch compound as one word, not as its parts', () => {
    expect(questionTermsOf('Bestaat het ouderschapsoverbruggingsrecht nog?', 'nl')).toEqual([
      'bestat',
      'ouderschapsoverbruggingsrecht',
    ]);
  });
});

describe('questionCoverage', () => {
  it('is 1 for a question the query says all of', () => {
    expect(questionCoverage(['droit', 'passerel'], reached('droit', 'passerel'), even)).toBe(1);
  });

  it('is the share of the question the query covers', () => {
    const question = ['droit', 'passerel', 'parental', 'soutien'];
    expect(questionCoverage(question, reached('droit', 'passerel'), even)).toBe(0.5);
  });

  it('weighs each word of the question as asked: a rare word left out costs more', () => {
    const weightOf = (term: string) => (term === 'quarantain' ? 3 : 1);
    expect(
      questionCoverage(['droit', 'passerel', 'quarantain'], reached('droit', 'passerel'), weightOf),
    ).toBe(0.4);
  });

  it('is 0 for a question without content words', () => {
    expect(questionCoverage([], reached('droit'), even)).toBe(0);
  });
});

describe('generalityFactor', () => {
  it('multiplies by 1 + weight for a question all covered, and barely for a small share', () => {
    expect(generalityFactor(1, 8)).toBe(9);
    expect(generalityFactor(0, 8)).toBe(1);
    expect(generalityFactor(0.25, 8)).toBe(1.5);
  });
});

describe('questionTermsOfEntry', () => {
  const entry: SearchableEntry = {
    ref: 'FAQ-0001',
    theme: 'droit-passerelle',
    tags: [],
    audience: 'public',
    validFrom: '2020-03-01',
    validTo: null,
    fr: { question: "Qu'est-ce que le droit passerelle ?", answer: '' },
    nl: { question: 'Wat is het overbruggingsrecht?', answer: '' },
  };

  it('reads the question in both languages, once per entry object', () => {
    const terms = questionTermsOfEntry(entry);
    expect(terms).toEqual({ fr: ['droit', 'passerel'], nl: ['overbruggingsrecht'] });
    expect(questionTermsOfEntry(entry)).toBe(terms);
    expect(questionTermsOfEntry({ ...entry, nl: { question: 'Wat is het bedrag?', answer: '' } }).nl).toEqual(
      ['bedrag'],
    );
  });
});
