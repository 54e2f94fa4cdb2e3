import { describe, expect, it } from 'vitest';
import { advisoryLockKey, bookingLockScopes } from './booking-locks.js';

describe('bookingLockScopes', () => {
  it("locks the floor's day before the person's week", () => {
    expect(bookingLockScopes({ floorId: 'bot-03', date: '2026-12-08', personId: 'p1' })).toEqual([
      'floor:bot-03:2026-12-08',
      'person:p1:2026-W50',
    ]);
  });

  it('gives two days of one ISO week the same person scope and different floor scopes', () => {
    const tuesday = bookingLockScopes({ floorId: 'f', date: '2026-12-08', personId: 'p' });
    const friday = bookingLockScopes({ floorId: 'f', date: '2026-12-11', personId: 'p' });
    expect(tuesday[1]).toBe(friday[1]);
    expect(tuesday[0]).not.toBe(friday[0]);
  });

  it('names the week of the ISO year across New Year (2027-01-01 is in 2026-W53)', () => {
    expect(bookingLockScopes({ floorId: 'f', date: '2027-01-01', personId: 'p' })[1]).toBe(
      'person:p:2026-W53',
    );
  });
});

describe('advisoryLockKey', () => {
  it('gives the same scope the same key on every instance', () => {
    expect(advisoryLockKey('floor:bot-03:2026-12-08')).toBe(advisoryLockKey('floor:bot-03:2026-12-08'));
  });

  it('is a signed 64-bit integer, as pg_advisory_xact_lock(bigint) takes', () => {
    for (const scope of ['floor:a:2026-12-08', 'person:b:2026-W50', '', 'x'.repeat(500)]) {
      const key = BigInt(advisoryLockKey(scope));
      expect(key >= -(2n ** 63n) && key < 2n ** 63n).toBe(true);
    }
  });

  it('tells apart the scopes of a floor over a year and of a thousand people', () => {
    const scopes = [
      ...Array.from(
        { length: 366 },
        (_, i) => `floor:bot-03:${new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)}`,
      ),
      ...Array.from({ length: 1000 }, (_, i) => `person:p${i}:2026-W50`),
    ];
    expect(new Set(scopes.map(advisoryLockKey)).size).toBe(scopes.length);
  });
});
