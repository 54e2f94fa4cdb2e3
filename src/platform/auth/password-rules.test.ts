import { describe, expect, it } from 'vitest';
import { checkNewPassword, PASSWORD_MIN_LENGTH } from './password-rules.js';

describe('a new password', () => {
  it('has at least 12 characters, counted as a person counts them', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(checkNewPassword('eleven-char')).toEqual([
      { field: 'password', code: 'validation.minLength', params: { limit: 12 } },
    ]);
    expect(checkNewPassword('twelve-chars')).toEqual([]);
    // Twelve letters, some of them outside the basic plane: still twelve.
    expect(checkNewPassword('🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑')).toEqual([]);
  });

  it('is refused when it is among the common passwords, whatever its case', () => {
    for (const common of ['1qaz2wsx3edc', 'QWERTY123456', 'LeaveMeAlone'])
      expect(checkNewPassword(common, 'newPassword')).toEqual([
        { field: 'newPassword', code: 'credentials.password_too_common' },
      ]);
    expect(checkNewPassword('correct horse battery staple')).toEqual([]);
  });
});
