import { describe, expect, it } from 'vitest';
import { meaningfulWords, SIMILAR_ENOUGH, similarity } from './similarity.js';

const score = (a: string, b: string) => similarity(meaningfulWords(a), meaningfulWords(b));

describe('similar questions', () => {
  it('sees the same question asked in other words as similar', () => {
    expect(
      score(
        'Ai-je droit au droit passerelle si mon salon de coiffure est fermé ?',
        'Droit passerelle pour un salon de coiffure fermé : y ai-je droit ?',
      ),
    ).toBeGreaterThan(SIMILAR_ENOUGH);
    expect(
      score(
        'Uitstel van betaling van mijn sociale bijdragen',
        'Kan ik uitstel van betaling krijgen voor sociale bijdragen?',
      ),
    ).toBeGreaterThan(SIMILAR_ENOUGH);
  });

  it('keeps different questions apart', () => {
    expect(
      score(
        'Ai-je droit au droit passerelle si mon salon est fermé ?',
        'Comment payer mes cotisations sociales trimestrielles ?',
      ),
    ).toBeLessThan(SIMILAR_ENOUGH);
  });

  it('ignores accents, case and small words', () => {
    expect(meaningfulWords('Les Cotisations DÉCLARÉES')).toEqual(meaningfulWords('cotisation déclarée'));
    expect(meaningfulWords('Les Cotisations DÉCLARÉES').size).toBe(2);
    expect(score('', 'anything')).toBe(0);
  });
});
