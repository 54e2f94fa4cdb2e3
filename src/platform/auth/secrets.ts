import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret, URL-safe, 256 bits. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Session ids and API tokens are 256-bit random values, so a fast hash is enough to keep the
 * stored form useless to a thief of the database (no dictionary to try).
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

/** Compares a secret the caller sent with the expected one in constant time (no byte-by-byte timing). */
export function isSameSecret(sent: unknown, expected: string | undefined): boolean {
  if (typeof sent !== 'string' || !expected) return false;
  const [a, b] = [Buffer.from(sent), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
