import { describe, expect, it } from 'vitest';
import { brusselsDayAndHour } from './brussels-clock.js';

const at = (iso: string) => brusselsDayAndHour(Date.parse(iso));

describe('brusselsDayAndHour', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(at('2020-03-18T07:59:59Z')).toEqual({ day: '2020-03-18', hour: 8 });
    expect(at('2020-07-01T06:30:00Z')).toEqual({ day: '2020-07-01', hour: 8 });
  });

  it('puts a call at 00:30 Brussels time on that morning, not on the UTC day before', () => {
    expect(at('2020-03-17T23:30:00Z')).toEqual({ day: '2020-03-18', hour: 0 });
  });

  it('follows the clock change at 01:00 UTC on the last Sundays of March and October', () => {
    expect(at('2020-03-29T00:59:59Z')).toEqual({ day: '2020-03-29', hour: 1 });
    expect(at('2020-03-29T01:00:00Z')).toEqual({ day: '2020-03-29', hour: 3 });
    expect(at('2020-10-25T00:59:59Z')).toEqual({ day: '2020-10-25', hour: 2 });
    expect(at('2020-10-25T01:00:00Z')).toEqual({ day: '2020-10-25', hour: 2 });
  });

  it('gives the hour of an instant written with its own offset', () => {
    expect(at('2020-03-16T08:00:28+01:00')).toEqual({ day: '2020-03-16', hour: 8 });
  });
});
