import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch, shortHash, weakEtag } from './conditional.js';

describe('If-None-Match', () => {
  const etag = 'W/"abc-12"';

  it('matches the same tag, weak or strong (weak comparison)', () => {
    expect(matchesIfNoneMatch('W/"abc-12"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abc-12"', etag)).toBe(true);
    expect(matchesIfNoneMatch('"abc-12"', '"abc-12"')).toBe(true);
  });

  it('finds the tag in a list, and takes * as any', () => {
    expect(matchesIfNoneMatch('"x", W/"abc-12" , "y"', etag)).toBe(true);
    expect(matchesIfNoneMatch(['"x"', 'W/"abc-12"'], etag)).toBe(true);
    expect(matchesIfNoneMatch(' * ', etag)).toBe(true);
  });

  it('does not match another tag, a missing header, or garbage', () => {
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false);
    expect(matchesIfNoneMatch('', etag)).toBe(false);
    expect(matchesIfNoneMatch('"abc-13"', etag)).toBe(false);
    expect(matchesIfNoneMatch('abc-12', etag)).toBe(false);
    expect(matchesIfNoneMatch('W/"abc', etag)).toBe(false);
    expect(matchesIfNoneMatch('"abc-12"', 'not a tag')).toBe(false);
  });
});

describe('weak entity tags', () => {
  it('join their parts and keep no character that would break the quoted form', () => {
    expect(weakEtag(['k1', 42, '2020-03-18'])).toBe('W/"k1-42-2020-03-18"');
    expect(weakEtag(['a"b', 'c d'])).toBe('W/"a_b-c_d"');
    expect(matchesIfNoneMatch(weakEtag(['a"b']), weakEtag(['a"b']))).toBe(true);
  });

  it('hash texts to short stable digests', () => {
    expect(shortHash('x')).toBe(shortHash('x'));
    expect(shortHash('x')).not.toBe(shortHash('y'));
    expect(shortHash('x')).toMatch(/^[\w-]{12}$/);
  });
});
