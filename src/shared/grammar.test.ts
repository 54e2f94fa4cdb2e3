import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { registerGrammar, startsWithVowel, vowelContext } from './grammar.js';

describe('startsWithVowel', () => {
  it('reads the first letter, accents folded', () => {
    expect(['agent', 'expert', 'Émile', 'Anne Martin', 'œuvre', 'Yves', 'uma'].map(startsWithVowel)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['fund', 'Marc', 'Yann', 'héros', '', '2fa'].map(startsWithVowel)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives the vowel context only before a vowel', () => {
    expect(vowelContext('agent')).toBe('vowel');
    expect(vowelContext('fund')).toBeUndefined();
  });
});

describe('registerGrammar', () => {
  it('adds a lowercase formatter that locales use inside sentences', () => {
    const instance = i18next.createInstance();
    void instance.init({
      lng: 'fr',
      initAsync: false,
      resources: { fr: { translation: { speaks: 'Parle {{language, lowercase}}' } } },
    });
    registerGrammar(instance);
    expect(instance.t('speaks', { language: 'Français' })).toBe('Parle français');
  });
});
