import { describe, expect, it } from 'vitest';
import { tokenize, wordsOf } from './normalize.js';

describe('wordsOf', () => {
  it('finds the words tokenize finds, French elisions and B&B included', () => {
    const texts = [
      "L'indépendant qu'il soit à titre complémentaire jusqu'à l’été, d'un B&B — ÉTÉ 2021 ?",
      'Het overbruggingsrecht (OVERBRUGGINGSRECHT) voor zelfstandigen: 1.291,69 euro/maand.',
      "c'est l' ancien n°12 s’il",
      'R&D & co, AT&T; x² 3½ — œuvre, ÇA, Ærø, straße, 𝐀𝐁𝐂 数字 à-la-carte & &x',
      "qu'",
    ];
    for (const text of texts) expect(wordsOf(text)).toEqual(tokenize(text).map((token) => token.word));
  });
});
