import { describe, expect, it } from 'vitest';
import { checkEmploymentPeriod, checkPartnerMembership, wouldCreateManagerCycle } from './person-rules.js';

describe('checkPartnerMembership', () => {
  it('accepts a fund user with the partner role and one fund', () => {
    expect(checkPartnerMembership(['partner'], 'acerta')).toEqual([]);
  });
  it('accepts staff without a fund', () => {
    expect(checkPartnerMembership(['agent', 'expert'], null)).toEqual([]);
  });
  it('refuses the partner role without a fund, naming the partner field', () => {
    expect(checkPartnerMembership(['partner'], null)).toEqual([
      { field: 'partner', code: 'directory.partner_role_mismatch' },
    ]);
  });
  it('refuses a fund for a person without the partner role, naming the roles field', () => {
    expect(checkPartnerMembership(['agent'], 'ucm')).toEqual([
      { field: 'roles', code: 'directory.partner_role_mismatch' },
    ]);
  });
});

describe('checkEmploymentPeriod', () => {
  it('refuses an end before the start', () => {
    expect(checkEmploymentPeriod('2020-03-16', '2020-03-15')).toHaveLength(1);
  });
  it('accepts a one-day employment and open ends', () => {
    expect(checkEmploymentPeriod('2020-03-16', '2020-03-16')).toEqual([]);
    expect(checkEmploymentPeriod('2020-03-16', null)).toEqual([]);
  });
});

describe('wouldCreateManagerCycle', () => {
  const managers: Record<string, string | null> = { a: null, b: 'a', c: 'b' };
  it('detects a person managed, through others, by their own report', () => {
    expect(wouldCreateManagerCycle('a', 'c', (id) => managers[id])).toBe(true);
  });
  it('detects a person made their own manager', () => {
    expect(wouldCreateManagerCycle('a', 'a', (id) => managers[id])).toBe(true);
  });
  it('allows a manager higher in the chain', () => {
    expect(wouldCreateManagerCycle('c', 'a', (id) => managers[id])).toBe(false);
  });
});
