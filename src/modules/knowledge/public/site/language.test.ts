import { describe, expect, it } from 'vitest';
import { preferredContentLanguage } from './language.js';

describe('the public FAQ language from Accept-Language', () => {
  it('takes French or Dutch, regional tags included, by q-value', () => {
    expect(preferredContentLanguage('nl-BE,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(preferredContentLanguage('fr-BE')).toBe('fr');
    expect(preferredContentLanguage('fr;q=0.4, nl;q=0.7')).toBe('nl');
    expect(preferredContentLanguage('en-GB,en;q=0.9,nl;q=0.3')).toBe('nl');
    expect(preferredContentLanguage('nl, fr')).toBe('nl');
  });

  it('gives nothing for other languages, refused ones or garbage', () => {
    expect(preferredContentLanguage(undefined)).toBeUndefined();
    expect(preferredContentLanguage('en-GB,de;q=0.5')).toBeUndefined();
    expect(preferredContentLanguage('fr;q=0')).toBeUndefined();
    expect(preferredContentLanguage('fry, nld')).toBeUndefined();
    expect(preferredContentLanguage(';;;,,,q=')).toBeUndefined();
    expect(preferredContentLanguage('*')).toBeUndefined();
  });
});
