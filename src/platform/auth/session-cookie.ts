import type { Config } from '../config.js';

/**
 * The name of the cookie that carries the session secret; password and single sign-on logins set
 * the same one. Over https it takes the `__Host-` prefix: browsers then accept it only Secure,
 * with Path=/ and no Domain, so a neighbouring subdomain (or a network attacker on plain http)
 * cannot plant or overwrite it. Decided here and nowhere else.
 */
export function sessionCookieName(config: Pick<Config, 'isHttps'>): string {
  return config.isHttps ? '__Host-relais_session' : 'relais_session';
}

/**
 * HttpOnly so page scripts never read the secret; SameSite=Lax so a cross-site form cannot ride it
 * (writes also need the CSRF token); it lives as long as a session may. No `domain`: the
 * `__Host-` prefix forbids one.
 */
export function sessionCookieOptions(config: Pick<Config, 'isHttps' | 'RELAIS_SESSION_MAX_HOURS'>) {
  return {
    ...clearedSessionCookieOptions(config),
    maxAge: config.RELAIS_SESSION_MAX_HOURS * 3600,
  };
}

/** What clearing the cookie must repeat: a browser ignores a `__Host-` cookie set without Secure. */
export function clearedSessionCookieOptions(config: Pick<Config, 'isHttps'>) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.isHttps };
}
