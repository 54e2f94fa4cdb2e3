import type { Config } from '../config.js';

/** The cookie that carries the session secret; password and single sign-on logins set the same one. */
export const SESSION_COOKIE = 'relais_session';

/**
 * HttpOnly so page scripts never read the secret; SameSite=Lax so a cross-site form cannot ride it
 * (writes also need the CSRF token); it lives as long as a session may.
 */
export function sessionCookieOptions(config: Pick<Config, 'isHttps' | 'RELAIS_SESSION_MAX_HOURS'>) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.isHttps,
    maxAge: config.RELAIS_SESSION_MAX_HOURS * 3600,
  };
}
