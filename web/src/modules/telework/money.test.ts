import { describe, expect, it } from 'vitest';
import { centsFromEuros, formatEuros, labelIn } from './money.js';

describe('money in the allowance forms', () => {
  it('reads euros as typed in Belgium or in English, exactly, into cents', () => {
    expect(centsFromEuros('20')).toBe(2000);
    expect(centsFromEuros('20,5')).toBe(2050);
    expect(centsFromEuros('20.10')).toBe(2010);
    expect(centsFromEuros(' 129,48 € ')).toBe(12948);
  });

  it('refuses what is not an amount of euros and cents', () => {
    expect(centsFromEuros('')).toBeNull();
    expect(centsFromEuros('-5')).toBeNull();
    expect(centsFromEuros('20,555')).toBeNull();
    expect(centsFromEuros('vingt')).toBeNull();
  });

  it('shows cents as euros in the reader’s language', () => {
    expect(formatEuros(2050, 'en')).toBe('€20.50');
    expect(formatEuros(2050, 'fr').replace(/\s/g, ' ')).toBe('20,50 €');
    expect(labelIn({ fr: 'Connexion', nl: 'Verbinding' }, 'nl')).toBe('Verbinding');
    expect(labelIn({ fr: 'Connexion', nl: 'Verbinding' }, 'en')).toBe('Connexion');
  });
});
