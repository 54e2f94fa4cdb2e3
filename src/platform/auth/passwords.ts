import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  pw: string,
  salt: Buffer,
  len: number,
  opts: object,
) => Promise<Buffer>;

// OWASP's scrypt minimum (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s a login on these 2 cores;
// 2^15 keeps a login near 80 ms while each guess still costs an attacker 32 MiB.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 };

/** Hashes with scrypt (node:crypto, no native addon): `scrypt$N$r$p$salt$hash`, base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keyLength } = PARAMS;
  const hash = await scryptAsync(password, salt, keyLength, { N, r, p, maxmem: 256 * N * r });
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** True when `password` matches the stored hash; a damaged or foreign stored value is a mismatch, not a crash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const [N, blockSize, parallel] = [Number(n), Number(r), Number(p)];
  if (![N, blockSize, parallel].every(Number.isSafeInteger) || expected.length === 0) return false;
  try {
    const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
      N,
      r: blockSize,
      p: parallel,
      maxmem: 256 * N * blockSize,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    // Node refuses impossible parameters (N not a power of two, too much memory).
    return false;
  }
}

/** A hash to compare against when the account does not exist, so timing does not reveal usernames. */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));
