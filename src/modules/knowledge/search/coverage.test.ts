import { describe, expect, it } from 'vitest';
import { compileCoverage } from './coverage.js';
import { coveredWords, type QueryPlan } from './query-plan.js';

const plan: QueryPlan = {
  terms: [
    { term: 'droit', lang: 'fr', weight: 1, edits: 0, isPrefix: false },
    { term: 'passerel', lang: 'fr', weight: 1, edits: 0, isPrefix: false },
    { term: 'bijberoep', lang: 'nl', weight: 1, edits: 0, isPrefix: false },
    { term: 'overbruggingsrecht', lang: 'nl', weight: 0.6, edits: 0, isPrefix: false },
    { term: 'titr', lang: 'fr', weight: 0.6, edits: 0, isPrefix: false },
    { term: 'complementair', lang: 'fr', weight: 0.6, edits: 0, isPrefix: false },
  ],
  units: [
    { terms: ['droit'], words: [0] },
    { terms: ['passerel'], words: [1] },
    { terms: ['bijberoep'], words: [2] },
    { terms: ['overbruggingsrecht'], words: [0, 1] },
    { terms: ['titr', 'complementair'], words: [2] },
  ],
  wordCount: 3,
};

function countFor(matched: string[]): number {
  const counter = compileCoverage(plan);
  const bits = new Uint32Array(counter.width);
  for (const term of matched) {
    const bit = counter.bitOf(term);
    bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  return counter.count(bits, 0);
}

describe('compileCoverage', () => {
  it('counts the typed words an entry accounts for, as coveredWords does', () => {
    for (const matched of [
      ['droit'],
      ['droit', 'passerel'],
      ['overbruggingsrecht'],
      ['overbruggingsrecht', 'droit', 'bijberoep'],
      ['titr'],
      ['titr', 'complementair'],
      [],
    ]) {
      expect(countFor(matched)).toBe(coveredWords(plan, new Set(matched)));
    }
  });
  it('needs every term of a synonym phrase before it covers the words that brought it', () => {
    expect(countFor(['titr'])).toBe(0);
    expect(countFor(['titr', 'complementair'])).toBe(1);
  });
});
