import { describe, expect, it } from 'vitest';
import { addMinutes } from '../db/time.js';
import { minutesUntilAllowed, THROTTLE, throttleCountersFor } from './throttle.js';

const now = '2026-03-18T09:00:00.000Z';
const minutesAgo = (m: number) => addMinutes(now, -m);
const { perAccountAndAddress: perAccount, windowMinutes } = THROTTLE;

describe('minutesUntilAllowed', () => {
  it('lets a caller try while fewer failures than the limit fall in the window', () => {
    expect(minutesUntilAllowed([], perAccount, windowMinutes, now)).toBe(0);
    expect(minutesUntilAllowed([1, 2, 3, 4].map(minutesAgo), perAccount, windowMinutes, now)).toBe(0);
  });

  it('closes the door at the limit, until the oldest counted failure leaves the window', () => {
    const failures = [10, 4, 3, 2, 1].map(minutesAgo);
    expect(minutesUntilAllowed(failures, perAccount, windowMinutes, now)).toBe(5);
  });

  it('asks for the full window right after the fifth failure', () => {
    const failures = [0, 0, 0, 0, 0].map(minutesAgo);
    expect(minutesUntilAllowed(failures, perAccount, windowMinutes, now)).toBe(15);
  });

  it('ignores failures older than the window', () => {
    const failures = [16, 20, 30, 2, 1].map(minutesAgo);
    expect(minutesUntilAllowed(failures, perAccount, windowMinutes, now)).toBe(0);
  });

  it('counts from the failure that makes the limit, not from the oldest, when there are more', () => {
    // Seven failures: the door reopens when the third-oldest (8 min ago) leaves the window.
    const failures = [12, 10, 8, 3, 2, 1, 0].map(minutesAgo);
    expect(minutesUntilAllowed(failures, perAccount, windowMinutes, now)).toBe(7);
  });

  it('rounds a partial minute up and never answers 0 while closed', () => {
    const failures = [minutesAgo(14.99), ...[1, 1, 1, 1].map(minutesAgo)];
    expect(minutesUntilAllowed(failures, perAccount, windowMinutes, now)).toBe(1);
    const justUnder = [minutesAgo(14.5), ...[1, 1, 1, 1].map(minutesAgo)];
    expect(minutesUntilAllowed(justUnder, perAccount, windowMinutes, now)).toBe(1);
    const fewSeconds = [addMinutes(now, -(15 - 1 / 60)), ...[1, 1, 1, 1].map(minutesAgo)];
    expect(minutesUntilAllowed(fewSeconds, perAccount, windowMinutes, now)).toBe(1);
  });

  it('treats a failure exactly one window old as outside it', () => {
    const failures = [15, 1, 1, 1, 1].map(minutesAgo);
    expect(minutesUntilAllowed(failures, perAccount, windowMinutes, now)).toBe(0);
  });
});

describe('throttleCountersFor', () => {
  it('counts an unknown browser per account and address, per account and per address', () => {
    expect(throttleCountersFor({ username: 'Agent02', ip: '10.0.0.1' })).toEqual([
      { key: 'account-address:agent02|10.0.0.1', limit: THROTTLE.perAccountAndAddress },
      { key: 'account:agent02', limit: THROTTLE.perAccountUntrusted },
      { key: 'address:10.0.0.1', limit: THROTTLE.perAddress },
    ]);
  });

  it('counts a browser with a device cookie for the account by its own failures only', () => {
    expect(throttleCountersFor({ username: 'agent02', ip: '10.0.0.1', deviceHash: 'h' })).toEqual([
      { key: 'device:h', limit: THROTTLE.perDevice },
    ]);
  });

  it('lets no address lock an account for everyone: the per-account counter tolerates many addresses', () => {
    expect(THROTTLE.perAccountUntrusted).toBeGreaterThanOrEqual(THROTTLE.perAccountAndAddress * 10);
  });
});
