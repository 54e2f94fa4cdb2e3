import { describe, expect, it } from 'vitest';
import { initials } from './initials.js';

describe("an avatar's initials", () => {
  it('takes the first letter of the first two words, in capitals', () => {
    expect(initials('Alain Agent')).toBe('AA');
    expect(initials('émilie de Smet')).toBe('ÉD');
  });

  it('skips what is no letter: brackets, dashes, numbers', () => {
    expect(initials('CNA (Caisse nationale auxiliaire)')).toBe('CC');
    expect(initials('- 2020 Helpdesk')).toBe('H');
    expect(initials('')).toBe('');
  });
});
