import type { FieldError } from '../errors.js';

/**
 * A token answers until it is revoked, and until the Brussels day it expires on begins: "expires
 * on 2027-01-01" means it no longer works that day.
 */
export function isTokenLive(token: { revokedAt: string | null; expiresOn: string | null }, today: string) {
  return !token.revokedAt && (!token.expiresOn || today < token.expiresOn);
}

/** An expiry is a real calendar day after today: a token that is born dead helps no one. */
export function checkTokenExpiry(expiresOn: string, today: string, field = 'expiresOn'): FieldError[] {
  const isRealDay =
    /^\d{4}-\d{2}-\d{2}$/.test(expiresOn) &&
    new Date(`${expiresOn}T00:00:00Z`).toISOString().slice(0, 10) === expiresOn;
  if (!isRealDay) return [{ field, code: 'validation.invalid' }];
  if (expiresOn <= today) return [{ field, code: 'credentials.token_expiry_not_future', params: { today } }];
  return [];
}
