import { describe, expect, it } from 'vitest';
import { guessLanguage } from './language.js';

describe('guessLanguage', () => {
  it('recognises a French mail', () => {
    expect(guessLanguage('Bonjour, ai-je droit au droit passerelle pour le mois de mars ? Merci')).toBe('fr');
  });

  it('recognises a Dutch mail', () => {
    expect(guessLanguage('Goedendag, heb ik recht op het overbruggingsrecht voor maart? Dank u')).toBe('nl');
  });

  it('is not misled by words both languages share', () => {
    expect(guessLanguage('de en de')).toBe('fr');
    expect(guessLanguage('Beste, mijn vraag gaat over de bijdragen van de zelfstandige')).toBe('nl');
  });

  it('answers in French when it cannot tell (empty, or another language)', () => {
    expect(guessLanguage('')).toBe('fr');
    expect(guessLanguage('Hello, can you help?')).toBe('fr');
  });
});
