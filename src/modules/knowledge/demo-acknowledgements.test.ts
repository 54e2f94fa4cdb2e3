import { describe, expect, it } from 'vitest';
import { demoAcknowledgedCounts } from './demo-acknowledgements.js';

const FUNDS = ['acerta', 'group-s', 'liantis', 'partena', 'securex', 'ucm', 'xerius', 'cna'];

describe('knowledge: the demo funds have read most of the history', () => {
  it('leaves most funds a few changes at most, and two lagging well behind', () => {
    const counts = demoAcknowledgedCounts(FUNDS, 150);
    const behind = FUNDS.map((code) => [code, 150 - counts.get(code)!] as const);
    expect(behind.filter(([, n]) => n <= 3)).toHaveLength(6);
    expect(Object.fromEntries(behind.filter(([, n]) => n > 3))).toEqual({ cna: 60, xerius: 24 });
    // Acerta, the fund the walk-through plays, starts up to date.
    expect(counts.get('acerta')).toBe(150);
  });

  it('never acknowledges more than there is, nor less than nothing', () => {
    const counts = demoAcknowledgedCounts(FUNDS, 2);
    expect([...counts.values()].every((n) => n >= 0 && n <= 2)).toBe(true);
  });
});
