import { describe, expect, it } from 'vitest';
import { ConfigError } from '../platform/config.js';
import { AppError, invalid } from '../platform/errors.js';
import { CliError, describeFailure, fieldLabel } from './output.js';

describe('fieldLabel', () => {
  it('points import errors at the line of the file', () => {
    expect(fieldLabel('line.4.email')).toBe('line 4, email');
    expect(fieldLabel('line.1')).toBe('line 1');
    expect(fieldLabel('roles.1')).toBe('roles.1');
  });
});

describe('describeFailure', () => {
  it('says what is wrong with one bad field in one line naming it', () => {
    expect(
      describeFailure(
        invalid([{ field: 'email', code: 'validation.format', params: { format: 'email' } }]),
        'en',
      ),
    ).toEqual(['email: Not a valid email.']);
  });

  it('keeps the headline and lists every field when several are wrong', () => {
    const error = new AppError('directory.import_failed', 400, { count: 2 }, [
      { field: 'line.4.email', code: 'validation.format.email' },
      { field: 'line.8.roles.1', code: 'validation.invalid' },
    ]);
    const [headline, ...fields] = describeFailure(error, 'en');
    expect(headline).toBe('The file was not imported: 2 rows are not valid.');
    expect(fields).toEqual([
      expect.stringMatching(/^ {2}line 4, email: /),
      expect.stringMatching(/^ {2}line 8, roles\.1: /),
    ]);
  });

  it('speaks the shell language', () => {
    const [fr] = describeFailure(new AppError('auth.token_not_found', 404), 'fr');
    const [en] = describeFailure(new AppError('auth.token_not_found', 404), 'en');
    expect(fr).not.toBe(en);
  });

  it('gives configuration and command failures their own message', () => {
    expect(describeFailure(new ConfigError('Invalid configuration: PORT="abc" must be integer'))).toEqual([
      'Invalid configuration: PORT="abc" must be integer',
    ]);
    expect(describeFailure(new CliError('No such file: x.csv'))).toEqual(['No such file: x.csv']);
  });
});
