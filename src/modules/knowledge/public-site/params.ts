import { KnowledgeLimits } from '../schemas.js';

export type PageQuery =
  | { ok: true; q: string; asOf: string | undefined }
  | { ok: false; reason: 'query_too_long' | 'bad_date'; q: string; asOf: string };

/** The first value of a query parameter that may come once, many times, or not at all. */
function first(value: unknown): string {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : '';
}

/** Whether `YYYY-MM-DD` names a day that exists (no 2021-02-30). */
export function isRealDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * What a public page was asked: the words (`q`, spaces tidied) and the day (`as_of`, empty for
 * today). Never throws: anything odd becomes a reason the page explains to the reader.
 */
export function readPageQuery(query: unknown): PageQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const q = first(params.q).replace(/\s+/g, ' ').trim();
  const asOf = first(params.as_of).trim();
  if (q.length > KnowledgeLimits.queryMax)
    return { ok: false, reason: 'query_too_long', q: q.slice(0, KnowledgeLimits.queryMax), asOf };
  if (asOf !== '' && !isRealDay(asOf)) return { ok: false, reason: 'bad_date', q, asOf: asOf.slice(0, 40) };
  return { ok: true, q, asOf: asOf || undefined };
}
