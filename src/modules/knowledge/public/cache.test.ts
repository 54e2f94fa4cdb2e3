import { describe, expect, it } from 'vitest';
import { AnswerCache } from './cache.js';

describe('rendered public answers kept in memory', () => {
  it('give back what was kept, and drop the least recently used past the budget', () => {
    const cache = new AnswerCache(1_600);
    cache.set('a', 'x'.repeat(40));
    cache.set('b', 'y'.repeat(40));
    expect(cache.get('a')).toBe('x'.repeat(40));
    // 'a' was read last: 'b' goes first when room is needed.
    for (let i = 0; i < 25; i++) {
      const key = `key ${i}`;
      cache.get('a');
      cache.set(key, 'z'.repeat(40));
    }
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('x'.repeat(40));
    expect(cache.usage.bytes).toBeLessThanOrEqual(1_600);
    expect(cache.usage.answers).toBeGreaterThan(10);
  });

  it('never keeps one answer too large for its share, and replaces a key in place', () => {
    const cache = new AnswerCache(1_600);
    cache.set('big', 'x'.repeat(100));
    expect(cache.get('big')).toBeUndefined();
    cache.set('k', 'one');
    cache.set('k', 'two');
    expect(cache.get('k')).toBe('two');
    expect(cache.usage).toEqual({ answers: 1, bytes: (1 + 3) * 2 });
  });
});
