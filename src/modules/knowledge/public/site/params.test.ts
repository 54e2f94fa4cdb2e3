import { describe, expect, it } from 'vitest';
import { isRealDay, readPageQuery } from './params.js';

describe('what a public page was asked', () => {
  it('tidies the words and reads the day', () => {
    expect(readPageQuery({ q: '  droit   passerelle ', as_of: '2020-04-15' })).toEqual({
      ok: true,
      q: 'droit passerelle',
      asOf: '2020-04-15',
    });
    expect(readPageQuery({})).toEqual({ ok: true, q: '', asOf: undefined });
    expect(readPageQuery(undefined)).toEqual({ ok: true, q: '', asOf: undefined });
    expect(readPageQuery({ q: 'x', as_of: '' })).toEqual({ ok: true, q: 'x', asOf: undefined });
  });

  it('takes the first of repeated parameters and ignores what is not text', () => {
    expect(readPageQuery({ q: ['a b', 'c'], as_of: ['2020-01-01', 'x'] })).toEqual({
      ok: true,
      q: 'a b',
      asOf: '2020-01-01',
    });
    expect(readPageQuery({ q: { nested: 'x' } })).toEqual({ ok: true, q: '', asOf: undefined });
  });

  it('says why instead of throwing: a query too long, a day that does not exist', () => {
    const long = readPageQuery({ q: 'mot '.repeat(2500) });
    expect(long).toMatchObject({ ok: false, reason: 'query_too_long' });
    expect(long.q.length).toBeLessThanOrEqual(200);
    expect(readPageQuery({ q: 'x', as_of: '2021-02-30' })).toMatchObject({ ok: false, reason: 'bad_date' });
    expect(readPageQuery({ as_of: 'yesterday' })).toMatchObject({ ok: false, reason: 'bad_date' });
  });

  it('knows real days', () => {
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(isRealDay('2023-02-29')).toBe(false);
    expect(isRealDay('2020-3-1')).toBe(false);
    expect(isRealDay('99999-01-01')).toBe(false);
  });
});
