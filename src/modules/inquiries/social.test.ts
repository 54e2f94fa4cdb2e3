import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { socialColumns } from './social.js';

const fieldErrorsOf = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('socialColumns', () => {
  it('keeps the network and the handle of a private message, trimmed', () => {
    expect(socialColumns('social', { platform: 'instagram', handle: '  @marie.dupont ' })).toEqual({
      social_platform: 'instagram',
      social_handle: '@marie.dupont',
    });
  });

  it('asks for the handle when a social message names none, or only spaces', () => {
    for (const social of [undefined, { platform: 'x' as const, handle: '   ' }])
      expect(fieldErrorsOf(() => socialColumns('social', social))).toEqual([
        { field: 'social.handle', code: 'inquiries.social_handle_required' },
      ]);
  });

  it('refuses a network and handle on a phone call, and stores none for other channels', () => {
    expect(fieldErrorsOf(() => socialColumns('phone', { platform: 'facebook', handle: 'Marie' }))).toEqual([
      { field: 'social', code: 'inquiries.social_only_for_social_channel' },
    ]);
    expect(socialColumns('email', undefined)).toEqual({ social_platform: null, social_handle: null });
  });
});
