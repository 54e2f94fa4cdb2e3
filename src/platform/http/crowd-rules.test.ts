import { describe, expect, it } from 'vitest';
import { crowdClassOf, rateLimitFor, shouldShed } from './crowd-rules.js';

describe('crowdClassOf', () => {
  it('keeps the health probes apart, whatever their access', () => {
    expect(crowdClassOf({ url: '/healthz', access: 'public' })).toBe('probe');
    expect(crowdClassOf({ url: '/readyz', access: 'public' })).toBe('probe');
  });

  it('puts the public routes of /api/v1/auth in login and the other public routes in public', () => {
    expect(crowdClassOf({ url: '/api/v1/auth/login', access: 'public' })).toBe('login');
    expect(crowdClassOf({ url: '/api/v1/auth/oidc/callback', access: 'public' })).toBe('login');
    expect(crowdClassOf({ url: '/api/v1/public/faq/search', access: 'public' })).toBe('public');
    expect(crowdClassOf({ url: '/faq/:lang/:ref', access: 'public' })).toBe('public');
  });

  it('leaves routes that need a login, and those declaring no access, to staff', () => {
    expect(crowdClassOf({ url: '/api/v1/me', access: 'authenticated' })).toBe('staff');
    expect(crowdClassOf({ url: '/api/v1/auth/logout', access: 'authenticated' })).toBe('staff');
    expect(crowdClassOf({ url: '/assets/app.js' })).toBe('staff');
  });
});

describe('shouldShed', () => {
  it('sheds anonymous public requests under pressure only', () => {
    expect(shouldShed({ crowdClass: 'public', isAnonymous: true, isUnderPressure: true })).toBe(true);
    expect(shouldShed({ crowdClass: 'public', isAnonymous: true, isUnderPressure: false })).toBe(false);
  });

  it('never sheds a logged-in caller, a login, a probe or staff work', () => {
    expect(shouldShed({ crowdClass: 'public', isAnonymous: false, isUnderPressure: true })).toBe(false);
    for (const crowdClass of ['login', 'probe', 'staff'] as const) {
      expect(shouldShed({ crowdClass, isAnonymous: true, isUnderPressure: true })).toBe(false);
    }
  });
});

describe('rateLimitFor', () => {
  const perMinute = { public: 600, login: 60 };

  it('limits anonymous public requests and every login', () => {
    expect(rateLimitFor({ crowdClass: 'public', isAnonymous: true }, perMinute)).toBe(600);
    expect(rateLimitFor({ crowdClass: 'login', isAnonymous: true }, perMinute)).toBe(60);
    expect(rateLimitFor({ crowdClass: 'login', isAnonymous: false }, perMinute)).toBe(60);
  });

  it('does not limit logged-in callers of public routes, staff work or probes', () => {
    expect(rateLimitFor({ crowdClass: 'public', isAnonymous: false }, perMinute)).toBeUndefined();
    expect(rateLimitFor({ crowdClass: 'staff', isAnonymous: true }, perMinute)).toBeUndefined();
    expect(rateLimitFor({ crowdClass: 'probe', isAnonymous: true }, perMinute)).toBeUndefined();
  });

  it('reads a limit of 0 as no limit', () => {
    expect(
      rateLimitFor({ crowdClass: 'public', isAnonymous: true }, { public: 0, login: 0 }),
    ).toBeUndefined();
    expect(rateLimitFor({ crowdClass: 'login', isAnonymous: true }, { public: 0, login: 0 })).toBeUndefined();
  });
});
