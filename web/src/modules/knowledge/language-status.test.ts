import { describe, expect, it } from 'vitest';
import { hasPublishedVersion, languageStatus } from './language-status.js';

describe('web: a language side of an FAQ entry', () => {
  it('awaits its translation when empty, rather than "the other language changed"', () => {
    expect(languageStatus({ needsUpdate: true, isBlank: true })).toBe('awaits_translation');
    expect(languageStatus({ needsUpdate: true, isBlank: false })).toBe('needs_update');
    expect(languageStatus({ needsUpdate: false, isBlank: true })).toBe('not_written');
    expect(languageStatus({ needsUpdate: false, isBlank: false })).toBe('up_to_date');
  });

  it('links to a published version only when there is one', () => {
    expect(hasPublishedVersion({ baseVersion: null })).toBe(false);
    expect(hasPublishedVersion({ baseVersion: 2 })).toBe(true);
    // No draft: the editor starts from the published version.
    expect(hasPublishedVersion(undefined)).toBe(true);
  });
});
