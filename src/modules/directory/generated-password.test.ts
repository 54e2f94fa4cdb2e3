import { describe, expect, it } from 'vitest';
import { isFormulaLike } from '../../shared/spreadsheet-cell.js';
import { generatedPassword } from './import-people.js';

describe('generated passwords', () => {
  it('never start like a formula, so the passwords file hands them over unchanged', () => {
    // Base64url starts with '-' once in 64: 2,000 draws would meet it about 31 times.
    const passwords = Array.from({ length: 2_000 }, generatedPassword);
    expect(passwords.filter(isFormulaLike)).toEqual([]);
    expect(new Set(passwords.map((p) => p.length))).toEqual(new Set([12]));
  });
});
