import { describe, expect, it } from 'vitest';
import { brusselsDay } from './time.js';

describe('brusselsDay', () => {
  it('gives the Brussels calendar day, not the UTC one, in winter and in summer time', () => {
    expect(brusselsDay('2020-03-17T23:30:00.000Z')).toBe('2020-03-18');
    expect(brusselsDay('2020-03-18T22:59:59.000Z')).toBe('2020-03-18');
    expect(brusselsDay('2020-03-18T23:00:00.000Z')).toBe('2020-03-19');
    expect(brusselsDay('2020-07-01T21:59:00.000Z')).toBe('2020-07-01');
    expect(brusselsDay('2020-07-01T22:00:00.000Z')).toBe('2020-07-02');
  });

  it('reads a Date as well as an instant', () => {
    expect(brusselsDay(new Date('2020-12-31T23:00:00.000Z'))).toBe('2021-01-01');
  });
});
