import { describe, expect, it } from 'vitest';
import { allowedEdits, isWithinEdits } from './edit-distance.js';

describe('isWithinEdits', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(isWithinEdits('passerelle', 'paserelle', 1)).toBe(true);
    expect(isWithinEdits('passerelle', 'passerele', 1)).toBe(true);
    expect(isWithinEdits('chiffre', 'chifre', 1)).toBe(true);
    expect(isWithinEdits('cotisation', 'cotsiation', 1)).toBe(true);
    expect(isWithinEdits('cotisation', 'cotsiatoin', 1)).toBe(false);
    expect(isWithinEdits('cotisation', 'cotsiatoin', 2)).toBe(true);
  });
});

describe('allowedEdits', () => {
  it('forgives nothing in short words, more in longer ones', () => {
    expect(allowedEdits('mois')).toBe(0);
    expect(allowedEdits('report')).toBe(1);
    expect(allowedEdits('overbruggingsrecht')).toBe(2);
  });
});
