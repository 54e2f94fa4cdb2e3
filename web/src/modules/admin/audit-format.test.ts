import { describe, expect, it } from 'vitest';
import { dayRangeToInstants, summaryItems } from './audit-format.js';

describe('web: audit log', () => {
  it('shows a summary as words: lists joined, changes as arrows, nothing as a dash', () => {
    expect(
      summaryItems({ roles: { from: ['agent'], to: ['agent', 'expert'] }, partner: null, count: 3 }),
    ).toEqual([
      { key: 'roles', text: 'agent → agent, expert' },
      { key: 'partner', text: '—' },
      { key: 'count', text: '3' },
    ]);
  });

  it('turns a day range into instants that include the whole last day', () => {
    const { from, to } = dayRangeToInstants('2020-03-16', '2020-03-16');
    expect(new Date(to!).getTime() - new Date(from!).getTime()).toBe(24 * 3600 * 1000);
    expect(dayRangeToInstants(null, 'not a day')).toEqual({});
  });
});
