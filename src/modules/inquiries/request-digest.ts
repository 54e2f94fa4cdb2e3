import { createHash } from 'node:crypto';

// What an idempotency key is bound to: the request's content, not its bytes. A client retrying
// sends the same fields, perhaps in another order or spacing; any other value is another request.

/** JSON with object keys sorted at every depth and absent (undefined) fields left out. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const fields = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`);
  return `{${fields.join(',')}}`;
}

/** The SHA-256 (hex) of a request body's canonical JSON. */
export const requestDigest = (body: unknown): string =>
  createHash('sha256').update(canonicalJson(body)).digest('hex');
