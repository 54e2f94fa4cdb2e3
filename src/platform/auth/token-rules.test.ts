import { describe, expect, it } from 'vitest';
import { checkTokenExpiry, isTokenLive } from './token-rules.js';

describe('token rules', () => {
  it('answers until revoked, and until the day it expires on begins', () => {
    expect(isTokenLive({ revokedAt: null, expiresOn: null }, '2026-12-07')).toBe(true);
    expect(isTokenLive({ revokedAt: null, expiresOn: '2026-12-08' }, '2026-12-07')).toBe(true);
    expect(isTokenLive({ revokedAt: null, expiresOn: '2026-12-07' }, '2026-12-07')).toBe(false);
    expect(isTokenLive({ revokedAt: '2026-12-01T10:00:00.000Z', expiresOn: null }, '2026-12-07')).toBe(false);
  });

  it('accepts as expiry only a real day after today', () => {
    expect(checkTokenExpiry('2026-12-08', '2026-12-07')).toEqual([]);
    expect(checkTokenExpiry('2026-12-07', '2026-12-07')).toEqual([
      { field: 'expiresOn', code: 'credentials.token_expiry_not_future', params: { today: '2026-12-07' } },
    ]);
    expect(checkTokenExpiry('2027-02-30', '2026-12-07', 'expires')).toEqual([
      { field: 'expires', code: 'validation.invalid' },
    ]);
    expect(checkTokenExpiry('tomorrow', '2026-12-07')[0]?.code).toBe('validation.invalid');
  });
});
