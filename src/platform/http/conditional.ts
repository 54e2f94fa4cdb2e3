import { createHash } from 'node:crypto';

// Conditional GETs (RFC 9110 §13): a cache or a browser that holds a copy sends its entity tag in
// If-None-Match, and a 304 without a body tells it the copy is still good.

const TAG = /(?:W\/)?"([^"]*)"/g;

/**
 * Whether `If-None-Match` names `etag`. The comparison is weak (§13.1.2: `W/"x"` matches `"x"`),
 * as the standard requires for If-None-Match; `*` matches any current representation.
 */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') return true;
  const wanted = opaque(etag);
  if (wanted === undefined) return false;
  for (const match of value.matchAll(TAG)) if (match[1] === wanted) return true;
  return false;
}

function opaque(etag: string): string | undefined {
  const match = /^(?:W\/)?"([^"]*)"$/.exec(etag);
  return match?.[1];
}

/** A weak entity tag from the parts that decide a representation (each kept short and quote-free). */
export function weakEtag(parts: readonly (string | number)[]): string {
  return `W/"${parts.map((part) => String(part).replace(/[^\w.:-]/g, '_')).join('-')}"`;
}

/** A short, stable digest of a text (for tags and file names, not for secrets). */
export const shortHash = (text: string | Buffer): string =>
  createHash('sha256').update(text).digest('base64url').slice(0, 12);
