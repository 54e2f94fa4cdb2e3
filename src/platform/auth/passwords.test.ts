import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('scrypt passwords', () => {
  it('stores scheme, cost, salt and hash, never the password', async () => {
    const stored = await hashPassword('Relais-2026!');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain('Relais-2026!');
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
    expect(await verifyPassword('Correct horse', stored)).toBe(false);
  });

  it('salts each hash, so two people with one password do not share a hash', async () => {
    const [a, b] = [await hashPassword('same'), await hashPassword('same')];
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('verifies with the cost stored in the hash, so raising the cost keeps old hashes valid', async () => {
    // Hash of "legacy" with N=2^14 (a cheaper cost than today's).
    const stored = await hashPassword('legacy');
    const [, , r, p, salt] = stored.split('$');
    const { scryptSync } = await import('node:crypto');
    const cheaper = scryptSync('legacy', Buffer.from(salt!, 'base64url'), 32, { N: 2 ** 14, r: 8, p: 1 });
    const legacy = ['scrypt', 2 ** 14, r, p, salt, cheaper.toString('base64url')].join('$');
    expect(await verifyPassword('legacy', legacy)).toBe(true);
    expect(await verifyPassword('other', legacy)).toBe(false);
  });

  it.each([
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['an empty value', ''],
    ['a cost that is not a number', 'scrypt$x$8$1$c2FsdA$aGFzaA'],
    ['a cost that is not a power of two', 'scrypt$1000$8$1$c2FsdA$aGFzaA'],
  ])('refuses (without crashing) a stored value with %s', async (_label, stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false);
  });
});
