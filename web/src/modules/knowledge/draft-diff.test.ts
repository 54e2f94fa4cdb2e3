import { describe, expect, it } from 'vitest';
import { wordDiff } from './draft-diff.js';

describe('web: what a draft changes', () => {
  it('marks the words added and removed against the published text', () => {
    expect(wordDiff('Le droit passerelle est accordé.', 'Le droit passerelle est refusé.')).toEqual([
      { value: 'Le droit passerelle est ' },
      { value: 'accordé', removed: true },
      { value: 'refusé', added: true },
      { value: '.' },
    ]);
  });

  it('reads a text never published as all added', () => {
    expect(wordDiff(undefined, 'Nouveau.')).toEqual([{ value: 'Nouveau.', added: true }]);
  });
});
