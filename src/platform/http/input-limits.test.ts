import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, findJsonExcess, findQueryExcess, QUERY_LIMITS } from './input-limits.js';

const objectOf = (count: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])));
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('findJsonExcess', () => {
  it('accepts ordinary bodies, empty containers and brackets inside strings', () => {
    expect(findJsonExcess('{"username":"agent02","password":"x{[,,,]}\\"[["}')).toBeUndefined();
    expect(findJsonExcess('{"a":[],"b":{},"c":[{}, {"d": [1, 2, 3]}]}')).toBeUndefined();
    expect(findJsonExcess(JSON.stringify({ refs: Array.from({ length: 500 }, (_, i) => `Q-${i}`) }))).toBe(
      undefined,
    );
    expect(findJsonExcess(JSON.stringify({ text: ','.repeat(100_000) }))).toBeUndefined();
  });

  it('refuses an object with more members than the width limit, at the first one too many', () => {
    expect(findJsonExcess(objectOf(BODY_LIMITS.maxWidth))).toBeUndefined();
    expect(findJsonExcess(objectOf(BODY_LIMITS.maxWidth + 1))).toEqual({
      code: 'input.body_too_wide',
      limit: BODY_LIMITS.maxWidth,
    });
    expect(findJsonExcess(objectOf(90_000))?.code).toBe('input.body_too_wide');
    expect(findJsonExcess(`[${'0,'.repeat(2_000)}0]`)?.code).toBe('input.body_too_wide');
  });

  it('refuses nesting past the depth limit, arrays or objects', () => {
    expect(findJsonExcess(nested(BODY_LIMITS.maxDepth))).toBeUndefined();
    expect(findJsonExcess(nested(BODY_LIMITS.maxDepth + 1))).toEqual({
      code: 'input.body_too_deep',
      limit: BODY_LIMITS.maxDepth,
    });
    expect(findJsonExcess(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`)?.code).toBe(
      'input.body_too_deep',
    );
  });

  it('counts every value at every level against the total', () => {
    const rows = Array.from({ length: 10 }, () => Array.from({ length: 600 }, () => 0));
    expect(findJsonExcess(JSON.stringify({ rows }))).toEqual({
      code: 'input.body_too_many_values',
      limit: BODY_LIMITS.maxValues,
    });
    const fewer = Array.from({ length: 8 }, () => Array.from({ length: 600 }, () => 0));
    expect(findJsonExcess(JSON.stringify({ rows: fewer }))).toBeUndefined();
  });

  it('reads escapes right: an escaped quote stays inside the string, an escaped backslash ends before the quote', () => {
    const brackets = '['.repeat(BODY_LIMITS.maxDepth + 5);
    expect(findJsonExcess(JSON.stringify({ a: `x"${brackets}` }))).toBeUndefined();
    expect(findJsonExcess(JSON.stringify({ a: `x\\"${brackets}` }))).toBeUndefined();
    expect(findJsonExcess(`{"a":"x\\\\","b":${brackets}`)?.code).toBe('input.body_too_deep');
    expect(findJsonExcess(`{"a":"x\\\\\\"${brackets}"}`)).toBeUndefined();
  });

  it('leaves malformed text to the JSON parser', () => {
    expect(findJsonExcess('{"a":')).toBeUndefined();
    expect(findJsonExcess(']]]}}}')).toBeUndefined();
    expect(findJsonExcess('"unterminated')).toBeUndefined();
    expect(findJsonExcess('"\\')).toBeUndefined();
  });

  it('reads a whole 1 MiB body in a few milliseconds', () => {
    const text = JSON.stringify({ a: Array.from({ length: 900 }, () => 'x'.repeat(1_150)) });
    findJsonExcess(text);
    const start = performance.now();
    expect(findJsonExcess(text)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('findQueryExcess', () => {
  it('accepts ordinary query strings', () => {
    expect(findQueryExcess('q=chômage%20temporaire&asOf=2020-03-18&limit=10')).toBeUndefined();
    expect(findQueryExcess('')).toBeUndefined();
  });

  it('refuses more parameters than the limit', () => {
    expect(findQueryExcess(`${'a=1&'.repeat(QUERY_LIMITS.maxParameters - 1)}a=1`)).toBeUndefined();
    expect(findQueryExcess('a=1&'.repeat(QUERY_LIMITS.maxParameters))).toEqual({
      code: 'input.query_too_many_parameters',
      limit: QUERY_LIMITS.maxParameters,
    });
  });

  it('refuses a query string longer than the limit', () => {
    expect(findQueryExcess(`q=${'x'.repeat(QUERY_LIMITS.maxLength)}`)).toEqual({
      code: 'input.query_too_long',
      limit: QUERY_LIMITS.maxLength,
    });
  });
});
