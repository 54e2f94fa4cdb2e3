import { createHash, randomBytes } from 'node:crypto';

/** A random secret, URL-safe, 256 bits. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Session ids and API tokens are 256-bit random values, so a fast hash is enough to keep the
 * stored form useless to a thief of the database (no dictionary to try).
 */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');
