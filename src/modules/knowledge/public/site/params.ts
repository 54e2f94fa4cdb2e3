import { isCalendarDayInRange } from '../../../../platform/http/calendar-range.js';
import { KnowledgeLimits } from '../../contract.js';

export type PageQuery =
  | { ok: true; q: string; asOf: string | undefined }
  | { ok: false; reason: 'query_too_long' | 'bad_date'; q: string; asOf: string };

/** The first value of a query parameter that may come once, many times, or not at all. */
function first(value: unknown): string {
  if (Array.isArray(value)) return first(value[0]);
  return typeof value === 'string' ? value : '';
}

/** Whether `YYYY-MM-DD` names a day that exists (no 2021-02-30) in the range the API accepts. */
export const isRealDay = (value: string): boolean => isCalendarDayInRange(value);

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
