import { describe, expect, it } from 'vitest';
import { termsOf } from './analyzer.js';
import { compileSynonyms, expandWithSynonyms } from './synonyms.js';

const synonyms = compileSynonyms([
  { fr: ['droit passerelle'], nl: ['overbruggingsrecht'] },
  { fr: ['à titre complémentaire'], nl: ['in bijberoep', 'bijberoep'] },
]);
const readings = (q: string) => ({ fr: termsOf(q, 'fr'), nl: termsOf(q, 'nl') });
const noTypo = () => false;

describe('expandWithSynonyms', () => {
  it('brings in the Dutch phrase for a French one, for the words that brought it', () => {
    const added = expandWithSynonyms(synonyms, readings('droit passerelle quarantaine'), noTypo);
    expect(added.nl).toEqual([{ terms: termsOf('overbruggingsrecht', 'nl'), words: [0, 1] }]);
    expect(added.fr).toEqual([]);
  });
  it('works in both directions and across the languages typed', () => {
    const added = expandWithSynonyms(synonyms, readings('droit passerelle bijberoep'), noTypo);
    expect(added.fr.map((e) => e.terms)).toEqual([termsOf('titre complémentaire', 'fr')]);
    expect(added.nl.map((e) => e.terms)).toContainEqual(termsOf('overbruggingsrecht', 'nl'));
  });
  it('needs the whole phrase, in order', () => {
    expect(expandWithSynonyms(synonyms, readings('passerelle droit'), noTypo)).toEqual({ fr: [], nl: [] });
  });
  it('forgives a typo in a word the index does not know, not in a known word', () => {
    const typo = readings('droit paserelle');
    expect(expandWithSynonyms(synonyms, typo, (position) => position === 1).nl).toHaveLength(1);
    expect(expandWithSynonyms(synonyms, typo, noTypo).nl).toHaveLength(0);
  });
});
