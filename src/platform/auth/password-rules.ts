import { createRequire } from 'node:module';
import type { FieldError } from '../errors.js';

/** ASVS 2.1.1: at least 12 characters (counted as a person counts them, not in UTF-16 units). */
export const PASSWORD_MIN_LENGTH = 12;

let commonPasswords: Set<string> | undefined;

/**
 * The ~49,000 most common passwords that zxcvbn-ts ships (ASVS 2.1.7), lower-cased: "Password1"
 * is no better than "password1". Loaded at the first password set, not at every start of Relais.
 */
function isCommon(password: string): boolean {
  if (!commonPasswords) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as {
      dictionary: Record<string, string[]>;
    };
    commonPasswords = new Set((dictionary['passwords-common'] ?? []).map((p) => p.toLowerCase()));
  }
  return commonPasswords.has(password.toLowerCase());
}

/** What is wrong with a new password, if anything: too short, or one that attackers try first. */
export function checkNewPassword(password: string, field = 'password'): FieldError[] {
  if ([...password].length < PASSWORD_MIN_LENGTH)
    return [{ field, code: 'validation.minLength', params: { limit: PASSWORD_MIN_LENGTH } }];
  if (isCommon(password)) return [{ field, code: 'credentials.password_too_common' }];
  return [];
}
