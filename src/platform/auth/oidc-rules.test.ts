import { describe, expect, it } from 'vitest';
import { identityHints, isOidcRequestFresh, safeReturnTo } from './oidc-rules.js';

describe('safeReturnTo', () => {
  it.each([
    ['/calls/new', '/calls/new'],
    ['/faq?q=tva#top', '/faq?q=tva#top'],
    ['/a/../b', '/b'],
  ])('keeps the site path %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a protocol-relative URL', '//evil.example/x'],
    ['a backslash the browser reads as a slash', '/\\evil.example'],
    ['a backslash later on', '/a\\..\\..\\evil'],
    ['a relative path', 'calls'],
    ['a script URL', 'javascript:alert(1)'],
    ['a control character', '/a\nb'],
    ['an empty value', ''],
    ['nothing', undefined],
    ['an absurdly long path', `/${'a'.repeat(1000)}`],
  ])('falls back to the home page for %s', (_label, value) => {
    expect(safeReturnTo(value)).toBe('/');
  });
});

describe('isOidcRequestFresh', () => {
  const startedAt = '2026-03-18T09:00:00.000Z';

  it('honours a login finished within ten minutes', () => {
    expect(isOidcRequestFresh(startedAt, '2026-03-18T09:09:59.000Z')).toBe(true);
  });

  it('refuses a login finished ten minutes or more after it started', () => {
    expect(isOidcRequestFresh(startedAt, '2026-03-18T09:10:00.000Z')).toBe(false);
    expect(isOidcRequestFresh(startedAt, '2026-03-18T10:00:00.000Z')).toBe(false);
  });
});

describe('identityHints', () => {
  it('reads the username from the configured claim and the e-mail', () => {
    expect(identityHints({ upn: ' jdoe ', email: 'j@x.be', email_verified: true }, 'upn')).toEqual({
      username: 'jdoe',
      email: 'j@x.be',
    });
  });

  it('ignores an e-mail the provider says is unverified or says nothing about, and accepts a verified one', () => {
    expect(identityHints({ email: 'j@x.be', email_verified: false }, 'preferred_username')).toEqual({});
    expect(identityHints({ email: 'j@x.be' }, 'preferred_username')).toEqual({});
    expect(identityHints({ email: 'j@x.be', email_verified: 'true' }, 'preferred_username')).toEqual({});
    expect(identityHints({ email: 'j@x.be', email_verified: true }, 'preferred_username')).toEqual({
      email: 'j@x.be',
    });
  });

  it('ignores claims that are empty or not text', () => {
    expect(identityHints({ preferred_username: '  ', email: 42 }, 'preferred_username')).toEqual({});
    expect(identityHints({ preferred_username: ['a'] }, 'preferred_username')).toEqual({});
  });
});
