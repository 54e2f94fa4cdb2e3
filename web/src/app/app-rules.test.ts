import { describe, expect, it } from 'vitest';
import { ABILITIES } from '../../../src/platform/auth/permissions.js';
import { AREAS, areasFor } from './areas.js';
import { pickLanguage } from './languages.js';
import { safeReturnTo } from './return-to.js';

describe('web: starting language', () => {
  it('prefers the choice remembered on this device, then the browser, then French', () => {
    expect(pickLanguage('nl', ['en-GB'])).toBe('nl');
    expect(pickLanguage(null, ['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(pickLanguage('xx', ['de'])).toBe('fr');
  });
});

describe('web: navigation areas', () => {
  it('opens an area only with its ability, so a partner user sees none', () => {
    expect(areasFor([])).toEqual([]);
    expect(areasFor(['directory.partners.read', 'directory.org_units.read']).map((a) => a.key)).toEqual([
      'partners',
      'orgUnits',
    ]);
  });

  it('names only abilities the server knows', () => {
    for (const area of AREAS) expect(Object.keys(ABILITIES)).toContain(area.ability);
  });
});

describe('web: return address after login', () => {
  it('keeps paths of this site and drops anything that leaves it', () => {
    expect(safeReturnTo('/directory/people?q=a')).toBe('/directory/people?q=a');
    expect(safeReturnTo('//evil.example/x')).toBe('/');
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo('https://evil.example')).toBe('/');
    expect(safeReturnTo(null)).toBe('/');
  });
});
