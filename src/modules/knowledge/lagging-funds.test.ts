import { describe, expect, it } from 'vitest';
import { fundsMostBehindFirst } from './lagging-funds.js';

describe('knowledge: the funds on the acknowledgement board', () => {
  it('come most behind first: most pending, then oldest pending, then by code', () => {
    const funds = [
      { code: 'ucm', pending: 0, oldestPendingAt: null },
      { code: 'acerta', pending: 3, oldestPendingAt: '2026-03-02T09:00:00Z' },
      { code: 'xerius', pending: 12, oldestPendingAt: '2026-01-10T09:00:00Z' },
      { code: 'cna', pending: 3, oldestPendingAt: '2026-02-01T09:00:00Z' },
      { code: 'liantis', pending: 0, oldestPendingAt: null },
    ];
    expect(fundsMostBehindFirst(funds).map((f) => f.code)).toEqual([
      'xerius',
      'cna',
      'acerta',
      'liantis',
      'ucm',
    ]);
  });
});
