import { addMinutes, type Instant } from '../db/time.js';

/** How long a started single sign-on may take before its state is refused and deleted. */
export const OIDC_REQUEST_TTL_MINUTES = 10;

const RETURN_TO_MAX_LENGTH = 1000;
const SAME_SITE_BASE = 'http://relais.invalid';

/**
 * Where to send the browser after single sign-on: only a path of this site, else the home page.
 * `//evil.example` and `/\evil.example` are paths to the eye but another host to a browser, so
 * the value must start with one slash and resolve to the same origin.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > RETURN_TO_MAX_LENGTH) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  // Browsers read a backslash as a slash in http URLs; control characters have no place in a path.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    const resolved = new URL(value, SAME_SITE_BASE);
    if (resolved.origin !== SAME_SITE_BASE) return '/';
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return '/';
  }
}

/** A started login is honoured for a few minutes only: a leaked callback URL soon becomes useless. */
export const isOidcRequestFresh = (createdAt: Instant, now: Instant): boolean =>
  addMinutes(createdAt, OIDC_REQUEST_TTL_MINUTES) > now;

/** The claims that may name a Relais person, in the order they are tried. */
export type OidcIdentityHints = { username?: string; email?: string };

/**
 * Picks the username (from the configured claim) and the e-mail from the provider's claims.
 * An e-mail counts only when the provider says it verified it (`email_verified: true`): one it
 * says nothing about may be whatever the user typed into their profile there.
 */
export function identityHints(claims: Record<string, unknown>, usernameClaim: string): OidcIdentityHints {
  const hints: OidcIdentityHints = {};
  const username = claims[usernameClaim];
  if (typeof username === 'string' && username.trim()) hints.username = username.trim();
  const email = claims.email;
  if (typeof email === 'string' && email.includes('@') && claims.email_verified === true) {
    hints.email = email.trim();
  }
  return hints;
}
